"""Where a judgement comes from: a derived value quotes its source's words; the scale has its four levels."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.loader import Loc
from generator.content.models.base import LOCATOR_MAX_WORDS, PROFICIENCY_ORDER

_BASIS_FIELDS = {
    "basis": "locator",
    "importance_basis": "importance_locator",
    "rank_basis": "rank_locator",
    "kind_basis": "kind_locator",
    "cost_basis": "cost_locator",
    "level_basis": "level_locator",
}
"""A judgement's basis field → the field that quotes the source's words when the basis is 'derived'."""


def locators(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """A derived value quotes the words it is read from, in at most eight words; no other value has a locator."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from locators(item, (*loc, index))
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
            yield from locators(value, (*loc, key))


def _locator_length(locator: str, loc: Loc) -> Iterator[tuple[Loc, str]]:
    words = len(locator.split())
    if words > LOCATOR_MAX_WORDS:
        yield loc, f"a locator quotes at most {LOCATOR_MAX_WORDS} words of the source; this one has {words}"


def scale(content: Content) -> list[Issue]:
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
