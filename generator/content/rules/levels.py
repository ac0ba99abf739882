"""Levels agree with the frameworks they map to: known framework levels, one entry per dimension, cited values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.content.checker import Content
from generator.content.loader import Loc
from generator.content.models.levelling import Framework


def level_rules(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """A level describes each dimension once, cites what is not its own judgement, and maps to known levels."""
    seen: set[str] = set()
    for index, dimension in enumerate(data.get("dimensions") or []):
        if dimension["dimension"] in seen:
            yield ("dimensions", index, "dimension"), f"dimension '{dimension['dimension']}' is described twice"
        seen.add(dimension["dimension"])
    for field in ("dimensions", "look_for"):
        for index, statement in enumerate(data.get(field) or []):
            if statement["basis"] != "editorial" and not statement["sources"]:
                yield (field, index, "sources"), "a stated or derived value needs the sources it comes from"
    mapped: set[str] = set()
    for index, mapping in enumerate(data.get("mappings") or []):
        if mapping["framework"] in mapped:
            yield ("mappings", index, "framework"), f"framework '{mapping['framework']}' is mapped twice"
        mapped.add(mapping["framework"])
        framework = content.entities["frameworks"].get(mapping["framework"])
        if not isinstance(framework, Framework):
            continue  # an unknown framework is reported as an unknown reference
        known = list(dict.fromkeys(level.id for level in framework.levels))
        for position, level in enumerate(mapping["levels"]):
            if level not in known:
                have = ", ".join(f"'{name}'" for name in known)
                message = f"'{level}' is not a level of framework '{mapping['framework']}' (it has: {have})"
                yield ("mappings", index, "levels", position), message


def framework_rules(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """Each of a framework's levels has an id of its own."""
    seen: set[str] = set()
    for index, level in enumerate(data["levels"]):
        if level["id"] in seen:
            yield ("levels", index, "id"), f"level '{level['id']}' is listed twice"
        seen.add(level["id"])
