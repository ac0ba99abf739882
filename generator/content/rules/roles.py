"""Roles agree with the ladder: levels in rank order, proficiencies per level, variants and comparison pairs."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any, get_args

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.loader import Loc, dotted
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Comparison, CoverageSection, Role

SHORT_WORDS = 30
"""The most words a role's one-sentence definition may have: it must fit a phone's first screen with the pay."""


def level_of(content: Content, role_id: str | None, level: str | None, loc: Loc) -> Iterator[tuple[Loc, str]]:
    role = content.entities["roles"].get(role_id or "")
    if level is None or not isinstance(role, Role) or ("levels", level) not in content.present:
        return
    if level not in role.levels:
        yield loc, _not_a_level(level, role_id or "", role.levels)


def _not_a_level(level: str, role_id: str, levels: list[str]) -> str:
    have = ", ".join(f"'{name}'" for name in levels) or "none"
    return f"level '{level}' is not a level of role '{role_id}' (it has: {have})"


def role_rules(content: Content, role_id: str, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    levels = content.entities["levels"]
    ranks = {name: getattr(levels[name], "rank", 0) for name in data["levels"] if name in levels}
    if list(ranks) != sorted(ranks, key=ranks.__getitem__):
        yield ("levels",), "levels must be listed from junior to senior (by their rank)"
    yield from _coverage(data)
    if data.get("short") and len(data["short"].split()) > SHORT_WORDS:
        count = len(data["short"].split())
        yield ("short",), f"has {count} words; say what the job is in at most {SHORT_WORDS}"
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


def variant_cycles(content: Content) -> list[Issue]:
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


def comparison_pairs(content: Content) -> list[Issue]:
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


def duplicates(values: list[str], loc: Loc) -> Iterator[tuple[Loc, str]]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield (*loc, index), f"'{value}' is listed twice"
        seen.add(value)
