"""Referential integrity over the whole content set: every id points somewhere, and the data agrees with itself."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterator
from typing import Any, get_args

from generator.checker import Content
from generator.issues import Issue
from generator.loader import Loc, dotted
from generator.models import (
    ID_PATTERN,
    KIND_NAMES,
    LOCATOR_MAX_WORDS,
    PROFICIENCY_ORDER,
    TERMS_MAX,
    Comparison,
    CoverageSection,
    Role,
    Term,
)
from generator.site import reserved

_SOURCES: list[tuple[tuple[str, ...], str]] = [(("sources", "*"), "sources")]

REFERENCES: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "roles": [
        (("variant_of",), "roles"),
        (("levels", "*"), "levels"),
        (("responsibilities", "*"), "responsibilities"),
        (("skills", "*", "skill"), "skills"),
        (("skills", "*", "sources", "*"), "sources"),
        (("tools", "*"), "tools"),
        (("challenges", "*"), "challenges"),
        (("opportunities", "*"), "opportunities"),
        (("education", "*", "sources", "*"), "sources"),
        (("backgrounds", "*", "sources", "*"), "sources"),
        (("prior_roles", "*", "role"), "roles"),
        (("prior_roles", "*", "sources", "*"), "sources"),
        (("compare_with", "*"), "roles"),
        (("codes", "*", "source"), "sources"),
        *_SOURCES,
    ],
    "levels": [(("responsibilities", "*"), "responsibilities"), *_SOURCES],
    "skills": [
        (("tools", "*"), "tools"),
        (("levels", "*", "sources", "*"), "sources"),
        (("codes", "*", "source"), "sources"),
        *_SOURCES,
    ],
    "disputes": [(("positions", "*", "sources", "*"), "sources")],
    "facts": [(("role",), "roles"), (("level",), "levels"), (("source",), "sources")],
    "transitions": [
        (("from_role",), "roles"),
        (("from_level",), "levels"),
        (("to_role",), "roles"),
        (("to_level",), "levels"),
        *_SOURCES,
    ],
    "comparisons": [(("left",), "roles"), (("right",), "roles"), *_SOURCES],
}
"""Kind → (path pattern inside an entity, kind the id there must name). '*' stands for every list index."""

for _kind in ("responsibilities", "tools", "challenges", "opportunities", "trends", "terms", "faqs", "scale"):
    REFERENCES[_kind] = list(_SOURCES)

USED_KINDS = ("levels", "skills", "responsibilities", "tools", "challenges", "opportunities", "sources")
"""Kinds whose entities should be referenced from somewhere; an unused one is a warning."""


def check_references(content: Content) -> list[Issue]:
    """Every cross-reference rule, over every entity that passed the schema."""
    issues: list[Issue] = []
    used: set[tuple[str, str]] = set()
    for (kind, entity_id), doc in sorted(content.documents.items()):
        for loc, target, ref in references(kind, doc.data):
            used.add((target, ref))
            if (target, ref) not in content.present:
                issues.append(_unknown(doc.path, doc.position(loc), loc, target, ref, content))
        entity = content.entities[kind].get(entity_id)
        if entity is None:
            continue
        for loc, message in _entity_rules(content, kind, entity_id, entity.model_dump(mode="python")):
            line, col = doc.position(loc)
            issues.append(Issue(doc.path, line, col, f"{dotted(loc)}: {message}" if loc else message))
    issues += _variant_cycles(content)
    issues += _reserved_ids(content)
    issues += _comparison_pairs(content)
    issues += _abbreviations(content)
    issues += _glossary_size(content)
    issues += _scale(content)
    issues += _typed_figures(content)
    if len(content.present) > sum(len(entities) for entities in content.entities.values()):
        return issues  # usage is unknowable while some files failed to validate
    for kind in USED_KINDS:
        for entity_id in content.entities[kind]:
            if (kind, entity_id) not in used:
                verb = "cited by" if kind == "sources" else "used by"
                name = KIND_NAMES[kind]
                path = content.document(kind, entity_id).path
                issues.append(Issue(path, 1, 1, f"{name} '{entity_id}' is not {verb} any entry", "warning"))
    return issues


def references(kind: str, data: Any) -> Iterator[tuple[Loc, str, str]]:
    """Every id an entity's data refers to: (where, kind referred to, id)."""
    for pattern, target in REFERENCES.get(kind, []):
        for loc, ref in _matches(data, pattern):
            yield loc, target, ref


def _matches(data: Any, pattern: tuple[str, ...], loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if not pattern:
        if isinstance(data, str):
            yield loc, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _matches(item, rest, (*loc, index))
    elif isinstance(data, dict) and data.get(step) is not None:
        yield from _matches(data[step], rest, (*loc, step))


def _code_sources(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """A classification code cites the page that publishes it: its source must have an address."""
    for index, code in enumerate(data.get("codes") or []):
        source = content.entities["sources"].get(code["source"])
        if source is not None and getattr(source, "url", None) is None:
            message = f"source '{code['source']}' has no url: cite the page where the code is published"
            yield ("codes", index, "source"), message


def _unknown(path: str, position: tuple[int, int], loc: Loc, target: str, ref: str, content: Content) -> Issue:
    name = KIND_NAMES[target]
    known = sorted(known_id for kind, known_id in content.present if kind == target)
    hint = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
    message = f"{dotted(loc)}: unknown {name} '{ref}'" + (f"; did you mean '{hint[0]}'?" if hint else "")
    return Issue(path, position[0], position[1], message)


def _entity_rules(content: Content, kind: str, entity_id: str, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    for field, value in data.items():
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            yield from _duplicates(value, (field,))
    yield from _locators(data)
    yield from _fact_references(content, data)
    yield from _code_sources(content, data)
    if kind == "roles":
        yield from _role_rules(content, entity_id, data)
    elif kind == "disputes":
        for index, mention in enumerate(data["mentions"]):
            if (mention["kind"], mention["id"]) not in content.present:
                name = KIND_NAMES[mention["kind"]]
                yield ("mentions", index, "id"), f"unknown {name} '{mention['id']}'"
    elif kind == "facts":
        yield from _level_of(content, data.get("role"), data.get("level"), ("level",))
    elif kind == "transitions":
        yield from _level_of(content, data["from_role"], data.get("from_level"), ("from_level",))
        yield from _level_of(content, data["to_role"], data.get("to_level"), ("to_level",))
        if (data["from_role"], data.get("from_level")) == (data["to_role"], data.get("to_level")):
            yield (), "a transition must lead somewhere else than where it starts"
    elif kind == "comparisons":
        if data["left"] == data["right"]:
            yield ("right",), "a comparison needs two different roles"
        targets = {ref for kind, ref in content.present if kind in ("skills", "responsibilities")}
        for index, dimension in enumerate(data["dimensions"]):
            for side in ("left_refs", "right_refs"):
                for position, ref in enumerate(dimension[side]):
                    if ref not in targets:
                        hint = difflib.get_close_matches(ref, list(targets), n=1)
                        suffix = f"; did you mean '{hint[0]}'?" if hint else ""
                        yield ("dimensions", index, side, position), f"unknown skill or responsibility '{ref}'{suffix}"


def _duplicates(values: list[str], loc: Loc) -> Iterator[tuple[Loc, str]]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield (*loc, index), f"'{value}' is listed twice"
        seen.add(value)


def _level_of(content: Content, role_id: str | None, level: str | None, loc: Loc) -> Iterator[tuple[Loc, str]]:
    role = content.entities["roles"].get(role_id or "")
    if level is None or not isinstance(role, Role) or ("levels", level) not in content.present:
        return
    if level not in role.levels:
        yield loc, _not_a_level(level, role_id or "", role.levels)


def _not_a_level(level: str, role_id: str, levels: list[str]) -> str:
    have = ", ".join(f"'{name}'" for name in levels) or "none"
    return f"level '{level}' is not a level of role '{role_id}' (it has: {have})"


def _role_rules(content: Content, role_id: str, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    levels = content.entities["levels"]
    ranks = {name: getattr(levels[name], "rank", 0) for name in data["levels"] if name in levels}
    if list(ranks) != sorted(ranks, key=ranks.__getitem__):
        yield ("levels",), "levels must be listed from junior to senior (by their rank)"
    yield from _coverage(data)
    seen_skills: set[str] = set()
    for index, entry in enumerate(data["skills"]):
        loc: Loc = ("skills", index)
        if entry["skill"] in seen_skills:
            yield (*loc, "skill"), f"skill '{entry['skill']}' is listed twice"
        seen_skills.add(entry["skill"])
        bases = [value["basis"] for value in entry["proficiency"]] + [entry["importance_basis"]]
        if any(basis != "editorial" for basis in bases) and not entry["sources"]:
            yield (*loc, "sources"), "a stated or derived value needs the sources it comes from"
        yield from _proficiency_rules(role_id, data["levels"], ranks, entry["proficiency"], (*loc, "proficiency"))


def _proficiency_rules(
    role_id: str, role_levels: list[str], ranks: dict[str, int], values: list[dict[str, Any]], loc: Loc
) -> Iterator[tuple[Loc, str]]:
    seen: set[str | None] = set()
    for index, value in enumerate(values):
        level = value["level"]
        if level is None and role_levels:
            yield (*loc, index), f"role '{role_id}' has levels, so each proficiency needs a 'level'"
        elif level is not None and level not in role_levels:
            yield (*loc, index, "level"), _not_a_level(level, role_id, role_levels)
        elif level in seen:
            given = f"level '{level}'" if level else "a value for the whole role"
            yield (*loc, index, "level"), f"{given} is given twice"
        seen.add(level)
    ordered = sorted(
        (item for item in enumerate(values) if item[1]["level"] in ranks), key=lambda item: ranks[item[1]["level"]]
    )
    for (_, lower), (index, higher) in itertools.pairwise(ordered):
        if PROFICIENCY_ORDER.index(higher["value"]) < PROFICIENCY_ORDER.index(lower["value"]):
            yield (
                (*loc, index, "value"),
                (
                    f"proficiency goes down from '{lower['value']}' at '{lower['level']}' "
                    f"to '{higher['value']}' at '{higher['level']}'"
                ),
            )


def _variant_cycles(content: Content) -> list[Issue]:
    parents = {
        entity_id: doc.data.get("variant_of")
        for (kind, entity_id), doc in content.documents.items()
        if kind == "roles" and isinstance(doc.data, dict) and isinstance(doc.data.get("variant_of"), str)
    }
    issues = []
    for role_id in sorted(parents):
        chain = [role_id]
        current = parents[role_id]
        while current in parents and current not in chain:
            chain.append(current)
            current = parents[current]
        if current == role_id:
            doc = content.document("roles", role_id)
            line, col = doc.position(("variant_of",))
            cycle = " → ".join([*chain, role_id])
            issues.append(Issue(doc.path, line, col, f"variant_of: roles form a cycle: {cycle}"))
    return issues


def _reserved_ids(content: Content) -> list[Issue]:
    issues = []
    for kind, entity_id in sorted(content.present):
        problem = reserved(kind, entity_id)
        if problem:
            issues.append(Issue(content.shown[(kind, entity_id)], 1, 1, f"file name: {problem}"))
    return issues


def _comparison_pairs(content: Content) -> list[Issue]:
    """A role is not compared with itself, no pair is compared twice, and no two pairs share a page name."""
    issues: list[Issue] = []
    pairs: dict[frozenset[str], str] = {}
    pages: dict[str, str] = {}

    def add(pair: tuple[str, str], kind: str, entity_id: str, loc: Loc, what: str) -> None:
        doc = content.document(kind, entity_id)
        line, col = doc.position(loc)
        where = f"{dotted(loc)}: "
        if pair[0] == pair[1]:
            issues.append(Issue(doc.path, line, col, f"{where}a role cannot be compared with itself"))
            return
        key, page = frozenset(pair), f"{pair[0]}-vs-{pair[1]}"
        if key in pairs and loc[0] == "variant_of":
            return  # only a cycle pairs two variants twice, and the cycle is reported on its own
        if key in pairs:
            issues.append(Issue(doc.path, line, col, f"{where}{what} are already compared in {pairs[key]}"))
        elif page in pages:
            issues.append(Issue(doc.path, line, col, f"{where}{what} would share the page '{page}' with {pages[page]}"))
        else:
            pairs[key] = pages[page] = f"{doc.path} ({dotted(loc)})"

    for role_id, role in sorted(content.entities["roles"].items()):
        if isinstance(role, Role) and role.variant_of:
            add((role.variant_of, role_id), "roles", role_id, ("variant_of",), f"'{role_id}' and '{role.variant_of}'")
    for role_id, role in sorted(content.entities["roles"].items()):
        for index, other in enumerate(role.compare_with if isinstance(role, Role) else []):
            add((role_id, other), "roles", role_id, ("compare_with", index), f"'{role_id}' and '{other}'")
    curated: dict[frozenset[str], str] = {}
    for comparison_id, comparison in sorted(content.entities["comparisons"].items()):
        if not isinstance(comparison, Comparison) or comparison.left == comparison.right:
            continue
        doc = content.document("comparisons", comparison_id)
        key = frozenset((comparison.left, comparison.right))
        if key in curated:
            line, col = doc.position(("right",))
            issues.append(Issue(doc.path, line, col, f"right: these two roles are already compared in {curated[key]}"))
        curated.setdefault(key, doc.path)
    return issues


def _abbreviations(content: Content) -> list[Issue]:
    """Each abbreviation is distinct, and holds two capitals or digits so that it never matches a plain word; each
    expansion has words (Python-Markdown reads a title of only quotes, '""' or "''", as removing the abbreviation)."""
    issues = []
    seen: dict[str, str] = {}
    for term_id, term in sorted(content.entities["terms"].items()):
        if not isinstance(term, Term):
            continue
        doc = content.document("terms", term_id)
        if not any(char.isalnum() for char in term.expansion):
            line, col = doc.position(("expansion",))
            problem = "has no letter or digit; write out the term in words (quotes alone would remove its tooltip)"
            issues.append(Issue(doc.path, line, col, f"expansion: {term.expansion!r} {problem}"))
        if term.abbreviation is None:
            continue
        line, col = doc.position(("abbreviation",))
        short = term.abbreviation
        if sum(char.isupper() or char.isdigit() for char in short) < 2:
            problem = "needs at least two capital letters or digits, or it would mark ordinary words"
            issues.append(Issue(doc.path, line, col, f"abbreviation: '{short}' {problem}"))
        elif short.casefold() in seen:
            problem = f"is already used by {seen[short.casefold()]}"
            issues.append(Issue(doc.path, line, col, f"abbreviation: '{short}' {problem}"))
        else:
            seen[short.casefold()] = doc.path
    return issues


def _glossary_size(content: Content) -> list[Issue]:
    """The glossary page holds every term, so their number is limited; the first term past the limit is named."""
    terms = sorted(content.entities["terms"])
    if len(terms) <= TERMS_MAX:
        return []
    path = content.document("terms", terms[TERMS_MAX]).path
    problem = f"the glossary holds at most {TERMS_MAX} terms and there are {len(terms)}"
    return [Issue(path, 1, 1, f"{problem}; this is the first past the limit (by id): merge or remove terms")]


_BASIS_FIELDS = {
    "basis": "locator",
    "importance_basis": "importance_locator",
    "rank_basis": "rank_locator",
    "kind_basis": "kind_locator",
}
"""A judgement's basis field → the field that quotes the source's words when the basis is 'derived'."""


def _locators(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """A derived value quotes the words it is read from, in at most eight words; no other value has a locator."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _locators(item, (*loc, index))
        return
    if not isinstance(data, dict):
        return
    for basis_field, locator_field in _BASIS_FIELDS.items():
        if basis_field not in data:
            continue
        locator = data.get(locator_field)
        if data[basis_field] == "derived" and not locator:
            yield (*loc, basis_field), f"a derived value needs '{locator_field}': the source's words it is read from"
        elif data[basis_field] != "derived" and locator:
            yield (*loc, locator_field), f"only a derived value has a locator; this one is '{data[basis_field]}'"
    for locator_field in _BASIS_FIELDS.values():
        if data.get(locator_field):
            yield from _locator_length(data[locator_field], (*loc, locator_field))
    for key, value in data.items():
        if isinstance(value, list | dict):
            yield from _locators(value, (*loc, key))


def _locator_length(locator: str, loc: Loc) -> Iterator[tuple[Loc, str]]:
    words = len(locator.split())
    if words > LOCATOR_MAX_WORDS:
        yield loc, f"a locator quotes at most {LOCATOR_MAX_WORDS} words of the source; this one has {words}"


def _coverage(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """A section with entries says how completely it is described; a section said to be described has entries."""
    coverage = data.get("coverage") or {}
    for section in get_args(CoverageSection):
        entries, said = data.get(section) or [], coverage.get(section)
        if entries and said in (None, "not-recorded"):
            where = ("coverage", section) if said else ("coverage",) if coverage else (section,)
            yield where, f"'{section}' has entries: set coverage.{section} to 'described' or 'partial'"
        elif not entries and said in ("described", "partial"):
            yield ("coverage", section), f"coverage.{section} is '{said}', but the role lists no {section}"


def _scale(content: Content) -> list[Issue]:
    """The scale's files are exactly its four levels, so every table can link each value to its definition."""
    present = {entity_id for kind, entity_id in content.present if kind == "scale"}
    issues = []
    for entity_id in sorted(present - set(PROFICIENCY_ORDER)):
        expected = ", ".join(PROFICIENCY_ORDER)
        issues.append(Issue(content.shown[("scale", entity_id)], 1, 1, f"file name: the scale's levels are {expected}"))
    missing = [level for level in PROFICIENCY_ORDER if level not in present]
    if present and missing:
        folder = content.shown[("scale", sorted(present)[0])].rsplit("/", 1)[0]
        issues.append(Issue(folder, 1, 1, f"the scale is missing {', '.join(missing)}"))
    return issues


FACT_REFERENCE = re.compile(r"\{fact:([^{}]*)\}")
"""How prose quotes a figure: `{fact:ID}` is replaced on the site by the fact's value, period, region and source."""

_PROSE_KINDS: tuple[str, ...] = ("roles", "levels", "skills", "responsibilities", "challenges", "opportunities")
_PROSE_KINDS += ("trends", "faqs", "comparisons", "transitions", "disputes")


def _prose(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string value inside an entity, with where it is."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _prose(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _prose(value, (*loc, key))


def _fact_references(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    for loc, text in _prose(data):
        for match in FACT_REFERENCE.finditer(text):
            if ("facts", match.group(1)) not in content.present:
                hint = difflib.get_close_matches(match.group(1), [i for k, i in content.present if k == "facts"], n=1)
                suffix = f"; did you mean '{hint[0]}'?" if hint else ""
                yield loc, f"unknown fact '{match.group(1)}' in '{match.group(0)}'{suffix}"


def _spellings(value: float) -> list[str]:
    """How a fact's value may be typed in prose (146085, 146,085); none for a figure too small to tell apart."""
    if value != int(value):
        return [f"{value:g}"]
    return [f"{int(value)}", f"{int(value):,}"] if abs(value) >= 100 else []


def _typed_figures(content: Content) -> list[Issue]:
    """A figure of three or more digits typed into prose, where a fact holds it, must be quoted as {fact:ID}.

    All the facts' spellings go into one pattern, so the check reads each text once however many facts there are.
    """
    owner: dict[str, str] = {}
    for fact_id, fact in sorted(content.entities["facts"].items()):
        value = getattr(fact, "value", None)
        values = [value] if isinstance(value, float | int) else [value.min, value.max] if value is not None else []
        for number in values:
            for spelling in _spellings(float(number)):
                owner.setdefault(spelling, fact_id)
    if not owner:
        return []
    spellings = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\d.,])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\d]|[.,]\d)")
    issues = []
    for (kind, entity_id), doc in sorted(content.documents.items()):
        if kind not in _PROSE_KINDS or entity_id not in content.entities[kind]:
            continue
        for loc, text in _prose(doc.data):
            if re.fullmatch(ID_PATTERN, text):
                continue  # an id such as 'entry-level-salary-up-to-98000' names a fact; it does not quote one
            found = pattern.search(FACT_REFERENCE.sub(" ", text))
            if found:
                fact_id = owner[found.group(0)]
                line, col = doc.position(loc)
                message = f"'{found.group(0)}' is the figure of fact '{fact_id}'; write {{fact:{fact_id}}} instead"
                issues.append(Issue(doc.path, line, col, f"{dotted(loc)}: {message}"))
    return issues
