"""The content as JSON: every entity of every kind, its id first, one entry per line."""

from __future__ import annotations

import json
from typing import Any

from generator.content.checker import Content
from generator.content.models import KINDS
from generator.content.models.base import Entity


def json_text(value: Any) -> str:
    """JSON with one entry of a list, or one member of an object, per line: readable, diffable and quick to write
    (an indented dump goes through the slow pure-Python encoder)."""
    if isinstance(value, list):
        return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]\n"
    inner = ",\n".join(f"{json.dumps(key)}: {json.dumps(item, ensure_ascii=False)}" for key, item in value.items())
    return "{\n" + inner + "\n}\n"


def records(content: Content) -> dict[str, list[dict[str, Any]]]:
    """Every entity of every kind as JSON-ready data, its id first, sorted by id."""
    return {
        kind: [{"id": entity_id, **_dumped(entity)} for entity_id, entity in sorted(content.entities[kind].items())]
        for kind in KINDS
    }


def _dumped(entity: Entity) -> dict[str, Any]:
    data: dict[str, Any] = entity.model_dump(mode="json")
    return data
