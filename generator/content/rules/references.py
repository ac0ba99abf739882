"""Every id points somewhere: the references each kind may hold, and the run of every rule over the content."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.loader import Loc, dotted
from generator.content.models import KIND_NAMES
from generator.content.rules.basis import locators, scale
from generator.content.rules.learning import skill_resources, transition_rules, unused_resources
from generator.content.rules.levels import framework_rules, level_rules
from generator.content.rules.prose import abbreviations, fact_references, glossary_size, typed_figures
from generator.content.rules.reserved import reserved_ids
from generator.content.rules.roles import comparison_pairs, duplicates, level_of, role_rules, variant_cycles

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
    "levels": [
        (("responsibilities", "*"), "responsibilities"),
        (("dimensions", "*", "sources", "*"), "sources"),
        (("mappings", "*", "framework"), "frameworks"),
        (("mappings", "*", "sources", "*"), "sources"),
        (("look_for", "*", "sources", "*"), "sources"),
        *_SOURCES,
    ],
    "frameworks": [(("levels", "*", "sources", "*"), "sources"), *_SOURCES],
    "skills": [
        (("tools", "*"), "tools"),
        (("resources", "*"), "resources"),
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
        (("route_sources", "*"), "sources"),
        (("route_skills", "*", "skill"), "skills"),
        (("route_skills", "*", "sources", "*"), "sources"),
        (("demonstrations", "*", "sources", "*"), "sources"),
        *_SOURCES,
    ],
    "comparisons": [(("left",), "roles"), (("right",), "roles"), *_SOURCES],
    "duties": [(("roles", "*"), "roles"), (("responsibilities", "*"), "responsibilities"), *_SOURCES],
}
"""Kind → (path pattern inside an entity, kind the id there must name). '*' stands for every list index."""


for _kind in ("responsibilities", "tools", "challenges", "opportunities", "trends", "terms", "faqs", "scale"):
    REFERENCES[_kind] = list(_SOURCES)


USED_KINDS = (
    "levels",
    "skills",
    "responsibilities",
    "tools",
    "challenges",
    "opportunities",
    "sources",
    "frameworks",
)
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
    issues += variant_cycles(content)
    issues += reserved_ids(content)
    issues += comparison_pairs(content)
    issues += abbreviations(content)
    issues += glossary_size(content)
    issues += scale(content)
    issues += typed_figures(content)
    issues += unused_resources(content, used)
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


def code_sources(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
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
            yield from duplicates(value, (field,))
    yield from locators(data)
    yield from fact_references(content, data)
    yield from code_sources(content, data)
    if kind == "roles":
        yield from role_rules(content, entity_id, data)
    elif kind == "levels":
        yield from level_rules(content, data)
    elif kind == "frameworks":
        yield from framework_rules(data)
    elif kind == "skills":
        yield from skill_resources(content, data)
    elif kind == "disputes":
        for index, mention in enumerate(data["mentions"]):
            if (mention["kind"], mention["id"]) not in content.present:
                name = KIND_NAMES[mention["kind"]]
                yield ("mentions", index, "id"), f"unknown {name} '{mention['id']}'"
    elif kind == "facts":
        yield from level_of(content, data.get("role"), data.get("level"), ("level",))
    elif kind == "transitions":
        yield from level_of(content, data["from_role"], data.get("from_level"), ("from_level",))
        yield from level_of(content, data["to_role"], data.get("to_level"), ("to_level",))
        if (data["from_role"], data.get("from_level")) == (data["to_role"], data.get("to_level")):
            yield (), "a transition must lead somewhere else than where it starts"
        yield from transition_rules(content, data)
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
