"""The "Editing the content" page, generated from the models so it always documents every kind and field."""

from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from generator.checker import MODELINE
from generator.models import ID_PATTERN, KIND_NAMES, KINDS, Entity
from generator.site import Page


def type_name(annotation: Any) -> str:
    """A field's type in plain words: 'text', 'list of id', 'one of: a, b'."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        constraints = repr(args[1:])
        if ID_PATTERN in constraints:
            return "id"
        if "https" in constraints:
            return "https URL"
        return type_name(args[0])
    if origin is Literal:
        return "one of: " + ", ".join(str(arg) for arg in args)
    if origin in (Union, types.UnionType):
        return " or ".join(type_name(arg) for arg in args if arg is not type(None))
    if origin is list:
        return f"list of {type_name(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{annotation.__name__} (a mapping with {', '.join(annotation.model_fields)})"
    names = {str: "text", int: "whole number", float: "number", bool: "true or false", dt.date: "date (YYYY-MM-DD)"}
    return names.get(annotation, str(annotation))


def field_type(info: Any) -> str:
    """The plain-words type of a pydantic field, constraints included (so ids read as 'id')."""
    return type_name(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


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
