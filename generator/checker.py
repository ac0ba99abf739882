"""Per-file checks: find the content files, parse them and validate each against its model.

A file that fails to parse or validate becomes Issues in the result, so one broken file never hides
the others; the cross-reference pass then runs on every entity that did validate.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from generator.issues import Issue
from generator.loader import Document, Loc, dotted, load, type_name
from generator.models import ID_MAX_LENGTH, ID_PATTERN, KIND_NAMES, KINDS, Entity

SUFFIXES = (".yaml", ".yml")
MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"


@dataclass
class Content:
    """Every entity that validated, by kind folder and id; and every document that parsed, valid or not."""

    root: Path
    entities: dict[str, dict[str, Entity]] = field(default_factory=lambda: {kind: {} for kind in KINDS})
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    present: set[tuple[str, str]] = field(default_factory=set)
    """Every (kind, id) that has a file, valid or not: a reference to a broken file is not 'unknown'."""

    def document(self, kind: str, entity_id: str) -> Document:
        """The parsed file of one entity."""
        return self.documents[(kind, entity_id)]


def check_files(root: Path, *, display_root: str | None = None) -> tuple[Content, list[Issue]]:
    """Load and validate every file under `root`; return what validated and every issue found."""
    content = Content(root)
    issues: list[Issue] = []
    prefix = (display_root if display_root is not None else str(root)).rstrip("/")
    if not root.is_dir():
        return content, [Issue(prefix, 1, 1, "content folder does not exist")]
    for entry in sorted(root.iterdir()):
        name = f"{prefix}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.name not in KINDS:
            if entry.is_dir() or entry.suffix in SUFFIXES:
                expected = ", ".join(KINDS)
                issues.append(Issue(name, 1, 1, f"unknown content folder '{entry.name}'; expected one of {expected}"))
            continue
        issues += _check_kind(content, entry.name, entry, name)
    return content, issues


def _check_kind(content: Content, kind: str, folder: Path, prefix: str) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        display = f"{prefix}/{path.name}"
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in SUFFIXES:
            issues.append(Issue(display, 1, 1, "content files must end in .yaml"))
            continue
        if path.is_symlink():
            issues.append(Issue(display, 1, 1, "content files must be regular files, not links"))
            continue
        entity_id = path.stem
        problem = id_problem(entity_id)
        if problem:
            issues.append(Issue(display, 1, 1, f"file name: {problem}"))
            continue
        folded = unicodedata.normalize("NFKC", entity_id).casefold()
        if folded in seen:
            issues.append(Issue(display, 1, 1, f"duplicate {KIND_NAMES[kind]} id '{entity_id}' (also {seen[folded]})"))
            continue
        seen[folded] = display
        content.present.add((kind, entity_id))
        doc, file_issues = load(path, display)
        issues += file_issues
        if file_issues:
            continue
        issues += _check_modeline(doc, kind)
        content.documents[(kind, entity_id)] = doc
        content.files[(kind, entity_id)] = path
        entity, schema_issues = validate_document(doc, KINDS[kind])
        issues += schema_issues
        if entity is not None:
            content.entities[kind][entity_id] = entity
    return issues


def id_problem(entity_id: str) -> str | None:
    """Why `entity_id` is not a valid id, or None when it is."""
    if len(entity_id) > ID_MAX_LENGTH:
        return f"id '{entity_id}' is longer than {ID_MAX_LENGTH} characters"
    if not re.fullmatch(ID_PATTERN, entity_id):
        return f"id '{entity_id}' must be lowercase letters and digits joined by single hyphens, e.g. 'ml-engineer'"
    return None


def _check_modeline(doc: Document, kind: str) -> list[Issue]:
    expected = MODELINE.format(kind=KIND_NAMES[kind])
    if doc.first_line == expected:
        return []
    return [Issue(doc.path, 1, 1, f"the first line should be the schema modeline '{expected}'", "warning")]


def validate_document(doc: Document, model: type[Entity]) -> tuple[Entity | None, list[Issue]]:
    """Validate parsed data against `model`; schema errors become Issues at the offending line."""
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else type_name(doc.data)
        return None, [Issue(doc.path, 1, 1, f"expected a mapping of fields, got {got}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, _schema_issues(doc, model, exc.errors(include_url=False))


def _schema_issues(doc: Document, model: type[Entity], errors: list[Any]) -> list[Issue]:
    grouped: dict[Loc, list[Any]] = {}
    for error in errors:
        grouped.setdefault(_data_loc(doc.data, error["loc"]), []).append(error)
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
        step in ("float", "int", "date", "str") or step[:1].isupper() or step.startswith(("literal[", "constrained-"))
    )


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
        elif etype == "string_pattern_mismatch":
            return [_pattern_message(ctx["pattern"], value)]
        elif etype == "too_short":
            return ["must not be empty" if isinstance(value, str) else "needs at least one entry"]
        elif etype == "too_long" or etype == "string_too_long":
            return [f"is too long ({error['msg'].lower()})"]
        elif etype in ("greater_than_equal", "less_than_equal"):
            return [f"{error['msg'].lower()}, got {value!r}"]
        elif etype in _EXPECTED:
            expected.append(_EXPECTED[etype])
        else:
            expected.append(error["msg"].lower())
    unique = list(dict.fromkeys(expected))
    return [f"expected {' or '.join(unique)}, got {_got(doc, loc, value)}"]


def _pattern_message(pattern: str, value: Any) -> str:
    if pattern == ID_PATTERN:
        return f"{value!r} is not a valid id: use lowercase letters and digits joined by single hyphens"
    if pattern.startswith("^https"):
        return f"{value!r} is not an allowed URL: only https:// addresses are accepted"
    if pattern == r"^[A-Z]{3}$":
        return f"{value!r} is not a currency code: use three capital letters, e.g. 'USD'"
    return f"{value!r} does not match {pattern}"


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
