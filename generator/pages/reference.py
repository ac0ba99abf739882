"""The "Editing the content" page, generated from the models so it always documents every kind and field."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from generator.content.checker import MODELINE
from generator.content.fields import field_type
from generator.content.models import KIND_NAMES, KINDS
from generator.content.models.base import Entity
from generator.pages.site import Page


def _fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    rows = []
    for name, info in model.model_fields.items():
        rows.append(
            {
                "name": name,
                "type": field_type(info),
                "required": info.is_required(),
                "description": (info.description or "").replace("`", "'"),  # code marks read as quotes
            }
        )
    return rows


def _nested(model: type[Entity]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def walk(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.append(annotation)
            for info in annotation.model_fields.values():
                walk(info.annotation)
        for arg in get_args(annotation):
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return found


def editing_page() -> Page:
    """Every kind: its folder, what it is, its fields; and the shapes nested inside them."""
    kinds = []
    for folder, model in KINDS.items():
        kinds.append(
            {
                "folder": folder,
                "kind": KIND_NAMES[folder],
                "doc": (model.__doc__ or "").strip(),
                "modeline": MODELINE.format(kind=KIND_NAMES[folder]),
                "fields": _fields(model),
                "nested": [
                    {"name": sub.__name__, "doc": (sub.__doc__ or "").strip(), "fields": _fields(sub)}
                    for sub in _nested(model)
                ],
            }
        )
    return Page("editing.md", "editing.md.j2", "Editing the content", {"kinds": kinds})
