"""A model field's type in plain words, for the scaffold's hints and the "Editing the content" page."""

from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from generator.content.models.base import ID_PATTERN


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
