"""The content as CSV tables: one per kind keyed by `id`, and one link table per list of texts or records.

A list of ids is one cell with the ids joined by `|` (ids never hold it); a list of texts or of nested records
becomes a link table of its own, one row per item, keyed by the owner's id and the item's position.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.content.checker import Content
from generator.content.models import KIND_NAMES, KINDS
from generator.content.models.base import ID_PATTERN
from generator.content.rules.references import REFERENCES

SEPARATOR = "|"
"""Joins the ids of a list in one CSV cell."""

FORMULA_GUARD = "'"
"""Written before text that a spreadsheet would read as a formula (OWASP's advice on CSV injection)."""
_FORMULA_START = re.compile(r"(?:^|(?<=[;\t\r\n]))(?=[=+\-@\t\r\n])")
# A spreadsheet reads a cell that begins with = + - @, a tab or a line break as a formula; and one that splits
# the file at a semicolon or a tab instead of the comma, or ignores its quotes, starts a cell after those.


@dataclass
class Column:
    """One CSV column and its Table Schema field."""

    name: str
    type: str
    description: str = ""
    enum: list[str] | None = None
    required: bool = False
    refers_to: str | None = None
    """The kind whose `id` this column names (a foreign key), if any."""

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        found: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "list":
            found |= {"delimiter": SEPARATOR, "itemType": "string"}
        if self.description:
            found["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = self.enum
        if constraints:
            found["constraints"] = constraints
        return found


@dataclass
class Table:
    """One CSV file: its columns, key, rows and what it holds."""

    name: str
    description: str
    columns: list[Column]
    key: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    owner: str | None = None
    """For a link table, the kind its first column refers to."""


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """The type under Annotated and Optional, and the metadata found on the way."""
    metadata: list[Any] = []
    while True:
        if get_origin(annotation) is typing.Annotated:
            metadata += list(annotation.__metadata__)
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (Union, types.UnionType):
            options = [option for option in get_args(annotation) if option is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def _is_id(annotation: Any) -> bool:
    _, metadata = _strip(annotation)
    return any(getattr(item, "pattern", None) == ID_PATTERN for item in metadata)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar_type(annotation: Any) -> tuple[str, list[str] | None]:
    """Table Schema type (and allowed values) of a single-valued field."""
    base, _ = _strip(annotation)
    if get_origin(base) is Literal:
        return "string", [str(value) for value in get_args(base)]
    if get_origin(base) in (Union, types.UnionType):  # a date or a word such as 'not stated'
        return "string", None
    return {int: "integer", float: "number", bool: "boolean", dt.date: "date"}.get(base, "string"), None


def spreadsheet_text(text: str) -> str:
    """Text as a CSV cell that no spreadsheet evaluates: an apostrophe before each = + - @, tab or line break
    that begins the text or follows a semicolon, tab or line break in it (the JSON keeps the exact text)."""
    return _FORMULA_START.sub(FORMULA_GUARD, text)


def _cell(value: Any) -> Any:
    """A value as a CSV cell: numbers without a needless '.0', dates in ISO form, nothing as an empty cell, and
    text that no spreadsheet evaluates."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return spreadsheet_text(SEPARATOR.join(value))
    return value


class _Flattener:
    """Turns one model's fields into columns of its own table and link tables for its lists."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.targets = {pattern: target for pattern, target in REFERENCES.get(kind, [])}

    def columns(self, model: type[BaseModel], path: tuple[str, ...], prefix: str = "") -> Iterator[Column]:
        for name, info in model.model_fields.items():
            yield from self._columns(name, info, (*path, name), prefix)

    def _columns(self, name: str, info: FieldInfo, path: tuple[str, ...], prefix: str) -> Iterator[Column]:
        base, _ = _strip(info.annotation)
        description = info.description or ""
        required = info.is_required() and get_origin(info.annotation) not in (Union, types.UnionType)
        if get_origin(base) is dict:
            for key in get_args(get_args(base)[0]):
                values = [str(value) for value in get_args(get_args(base)[1])]
                yield Column(f"{prefix}{name}_{key}", "string", f"{name}: {key}", values)
        elif get_origin(base) is list:
            item = get_args(base)[0]
            if _is_id(item):
                target = self.targets.get((*path, "*"))
                what = f"Ids of {target}" if target else "Ids"
                yield Column(f"{prefix}{name}", "list", f"{what}, separated by '{SEPARATOR}'. {description}".strip())
        elif get_origin(base) in (Union, types.UnionType) and any(_is_model(option) for option in get_args(base)):
            yield Column(f"{prefix}{name}", "number", f"{description} (a single value)".strip())
            yield Column(f"{prefix}{name}_min", "number", "Lower end, when the value is a range.")
            yield Column(f"{prefix}{name}_max", "number", "Upper end, when the value is a range.")
        else:
            kind, enum = _scalar_type(info.annotation)
            target = self.targets.get(path)
            yield Column(f"{prefix}{name}", kind, description, enum, required, target)

    def cells(self, model: type[BaseModel], data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name, shape, keys in _shapes(model):
            value = data.get(name)
            if shape == "mapping":
                for key in keys:
                    row[f"{prefix}{name}_{key}"] = _cell((value or {}).get(key))
            elif shape == "ids":
                row[f"{prefix}{name}"] = _cell(value)
            elif shape == "number-or-range":
                ends = value if isinstance(value, dict) else {}
                row[f"{prefix}{name}"] = "" if ends else _cell(value)
                row[f"{prefix}{name}_min"] = _cell(ends.get("min"))
                row[f"{prefix}{name}_max"] = _cell(ends.get("max"))
            elif shape == "scalar":
                row[f"{prefix}{name}"] = _cell(value)
        return row


@functools.cache
def _shapes(model: type[BaseModel]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """How each field of a model goes into its row: (name, shape, keys of a mapping); lists of records or texts
    ('list') go to link tables instead."""
    found = []
    for name, info in model.model_fields.items():
        base, _ = _strip(info.annotation)
        if get_origin(base) is dict:
            found.append((name, "mapping", tuple(str(key) for key in get_args(get_args(base)[0]))))
        elif get_origin(base) is list:
            found.append((name, "ids" if _is_id(get_args(base)[0]) else "list", ()))
        elif get_origin(base) in (Union, types.UnionType) and any(_is_model(o) for o in get_args(base)):
            found.append((name, "number-or-range", ()))
        else:
            found.append((name, "scalar", ()))
    return tuple(found)


@functools.cache
def _lists(model: type[BaseModel]) -> tuple[tuple[str, Any, str], ...]:
    """The fields of a model that hold a list of texts or of records: (name, item type, description)."""
    found = []
    for name, info in model.model_fields.items():
        base, _ = _strip(info.annotation)
        if get_origin(base) is list and not _is_id(get_args(base)[0]):
            found.append((name, _strip(get_args(base)[0])[0], info.description or ""))
    return tuple(found)


def tables(content: Content) -> list[Table]:
    """Every CSV table: one per kind, then the link tables of its lists, in a stable order."""
    found: list[Table] = []
    for kind, model in KINDS.items():
        flat = _Flattener(kind)
        owner = KIND_NAMES[kind]
        main = Table(
            kind, (model.__doc__ or "").strip(), [Column("id", "string", "The entry's id.", required=True)], ["id"]
        )
        main.columns += list(flat.columns(model, ()))
        links: list[tuple[str, Any, Table]] = []
        for name, item, description in _lists(model):
            keys = [Column(f"{owner}_id", "string", f"The {owner} this row belongs to.", required=True, refers_to=kind)]
            keys.append(Column("position", "integer", "Its place in the list, from 1.", required=True))
            link = Table(
                f"{kind}-{name}", description or f"The {name} of each {owner}.", keys, [f"{owner}_id", "position"]
            )
            link.owner = kind
            if _is_model(item):
                link.columns += list(flat.columns(item, (name, "*")))
                inner_lists = list(_lists(item))
                assert len(inner_lists) <= 1 and all(_is_model(inner[1]) for inner in inner_lists), item
                for inner, inner_item, _ in inner_lists:  # a record's own records: one row per inner record
                    link.columns.append(Column(f"{inner}_position", "integer", f"Place in {inner}, from 1."))
                    link.columns += list(flat.columns(inner_item, (name, "*", inner, "*"), prefix=f"{inner}_"))
                    link.key.append(f"{inner}_position")
            else:
                link.columns.append(Column("text", "string", "The item.", required=True))
            links.append((name, item, link))
        for entity_id, entity in sorted(content.entities[kind].items()):
            data = entity.model_dump(mode="python")
            main.rows.append({"id": entity_id, **flat.cells(model, data)})
            for name, item, link in links:
                for position, value in enumerate(data[name], start=1):
                    owned: dict[str, Any] = {f"{owner}_id": entity_id, "position": position}
                    if not _is_model(item):
                        link.rows.append({**owned, "text": _cell(value)})
                        continue
                    row = {**owned, **flat.cells(item, value)}
                    inner_lists = list(_lists(item))
                    if not inner_lists or not any(value[inner] for inner, _, _ in inner_lists):
                        link.rows.append(row)
                    for inner, inner_item, _ in inner_lists:
                        for inner_position, inner_value in enumerate(value[inner], start=1):
                            inner_cells = flat.cells(inner_item, inner_value, prefix=f"{inner}_")
                            link.rows.append({**row, f"{inner}_position": inner_position, **inner_cells})
        found += [main, *(link for _, _, link in links)]
    return found


def csv_text(table: Table) -> str:
    """The table as CSV text, its header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, [column.name for column in table.columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows(table.rows)
    return out.getvalue()
