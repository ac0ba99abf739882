"""Pydantic's validation errors rewritten in plain language, by error type, at the offending line and column."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any, get_args

from generator.content.issues import Issue
from generator.content.loader import Document, Loc, dotted, type_name
from generator.content.models.base import ABBREVIATION_PATTERN, HIDDEN, ID_PATTERN, TEXT_PATTERN, URL_PATTERN, Entity


def schema_issues(doc: Document, model: type[Entity], errors: list[Any]) -> list[Issue]:
    """Pydantic errors → one plain-language Issue per location, at the line and column of the value."""
    located = [(_data_loc(doc.data, error["loc"]), error) for error in errors]
    grouped: dict[Loc, list[Any]] = {}
    for loc, error in located:
        if not _other_branch(loc, error, located):
            grouped.setdefault(loc, []).append(error)
    issues = []
    for loc, group in grouped.items():
        where = dotted(loc[:-1] if group[0]["type"] == "missing" else loc)
        if group[0]["type"] == "extra_forbidden":
            line, col = doc.position(loc, key=True)
        else:
            line, col = doc.position(loc)
        messages = _messages(doc, loc, group, _fields_at(model, loc[:-1]))
        issues += [Issue(doc.path, line, col, f"{where}: {message}" if where else message) for message in messages]
    return issues


def _data_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Drop the union-member tags pydantic inserts, keeping only steps that exist in the data."""
    kept: list[str | int] = []
    node = data
    for step in loc:
        in_dict = isinstance(node, dict) and isinstance(step, str) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_dict or in_list:
            node = node[step]
            kept.append(step)
        elif isinstance(node, dict) and isinstance(step, str) and not _is_union_tag(step):
            kept.append(step)  # a missing or unknown field
            node = None
    return tuple(kept)


def _is_union_tag(step: str) -> bool:
    return (
        step in ("float", "int", "date", "str")
        or step[:1].isupper()
        or step.startswith(("literal[", "constrained-", "function-after[", "function-before[", "function-wrap["))
    )


_SCALAR_TYPES = {"string_type", "int_type", "float_type", "bool_type", "date_type", "literal_error"}


def _other_branch(loc: Loc, error: Any, located: list[tuple[Loc, Any]]) -> bool:
    """Whether `error` is a union's scalar branch refusing a mapping or list that another branch explains better."""
    if not _refuses_container(error):
        return False
    return any(
        where[: len(loc)] == loc and not (where == loc and _refuses_container(other)) for where, other in located
    )


def _refuses_container(error: Any) -> bool:
    return error["type"] in _SCALAR_TYPES and isinstance(error["input"], dict | list)


def _got(doc: Document, loc: Loc, value: Any) -> str:
    if loc in doc.raw:
        return f"{type_name(value)} ({doc.raw[loc]!r} is read as {_yaml_repr(value)}; put it in quotes)"
    if isinstance(value, str):
        return f"{value!r}"
    return type_name(value)


def _yaml_repr(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping",
}


def _messages(doc: Document, loc: Loc, group: list[Any], siblings: list[str]) -> list[str]:
    first = group[0]
    kind = first["type"]
    field_name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return [f"missing required field '{field_name}'"]
    if kind == "extra_forbidden":
        hint = difflib.get_close_matches(field_name, siblings, n=1)
        return [f"unknown field '{field_name}'" + (f"; did you mean '{hint[0]}'?" if hint else "")]
    value = first["input"]
    if value is None and doc.raw.get(loc, "") == "":
        return ["is still empty; fill it in"]
    expected: list[str] = []
    for error in group:
        etype, ctx = error["type"], error.get("ctx", {})
        if etype == "literal_error":
            choices = ctx["expected"].replace(" or ", ", ")
            expected.append(choices if "," not in choices else "one of " + choices)
        elif etype == "date_invalid":
            return [f"cannot read {value!r} as a date: {ctx['reason']}"]
        elif etype == "string_pattern_mismatch":
            return [_pattern_message(ctx["pattern"], value)]
        elif etype == "too_short":
            return ["must not be empty" if isinstance(value, str) else "needs at least one entry"]
        elif etype == "string_too_long":
            return [f"is {len(value)} characters long; the limit is {ctx['max_length']}"]
        elif etype == "too_long":
            return [f"has {ctx['actual_length']} entries; the limit is {ctx['max_length']}"]
        elif etype == "value_error":
            return [str(ctx.get("error", error["msg"]))]
        elif etype == "finite_number":
            return [f"expected a finite number, got {doc.raw.get(loc, value)!r}"]
        elif etype in ("greater_than_equal", "less_than_equal"):
            return [f"{error['msg'].lower()}, got {value!r}"]
        elif etype in _EXPECTED:
            expected.append(_EXPECTED[etype])
        else:
            expected.append(error["msg"].lower())
    unique = list(dict.fromkeys(expected))
    return [f"expected {' or '.join(unique)}, got {_got(doc, loc, value)}"]


def _pattern_message(pattern: str, value: Any) -> str:
    if pattern == TEXT_PATTERN:
        return _text_problem(str(value))
    if pattern == ABBREVIATION_PATTERN:
        return f"{value!r} is not an abbreviation: use letters, digits and + / & . - only, at most 16 characters"
    if pattern == ID_PATTERN:
        return f"{value!r} is not a valid id: use lowercase letters and digits joined by single hyphens"
    if pattern == URL_PATTERN:
        return (
            f"{value!r} is not an allowed URL: only https:// addresses in plain ASCII are accepted "
            "(write an international domain in its xn-- form and percent-encode other characters)"
        )
    if pattern == r"^[A-Z]{3}$":
        return f"{value!r} is not a currency code: use three capital letters, e.g. 'USD'"
    return f"{value!r} does not match {pattern}"


def _text_problem(value: str) -> str:
    hidden = next((char for char in value if re.fullmatch(f"[{HIDDEN}]", char)), None)
    if hidden is not None:
        name = unicodedata.name(hidden, "a control character")
        return f"contains the invisible character U+{ord(hidden):04X} ({name}); remove it"
    return "is blank; write the text or leave the field out"


def _fields_at(model: type[Entity], loc: Loc) -> list[str]:
    """Field names of the model found by following `loc` from `model` (for did-you-mean hints)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", {})
        if step not in fields:
            return []
        current = _inner_model(fields[step].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Entity):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
