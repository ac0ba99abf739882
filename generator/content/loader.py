"""Safe YAML loading that keeps the line and column of every key and value.

The document is built from parser events, so hazards are caught where they appear: duplicate keys,
anchors and aliases, explicit tags, deep nesting and non-string keys. Plain scalars are resolved with
YAML's own rules (so `no` is a boolean and `1.10` a number); the model then refuses a boolean, number or
date where it expects text, instead of converting it silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.issues import Issue

MAX_BYTES = 256 * 1024
MAX_DEPTH = 8

Loc = tuple[str | int, ...]
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """A parsed file: its data, and the position of each value and key by path."""

    path: str
    data: Any = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Loc, str] = field(default_factory=dict)
    first_line: str = ""

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `loc`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Hazard(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.line, self.col = mark.line + 1, mark.column + 1
        self.message = message


def load(path: Path, display: str) -> tuple[Document, list[Issue]]:
    """Read and parse one file; any problem comes back as Issues, never as an exception."""
    doc = Document(display)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return doc, [Issue(display, 1, 1, f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return doc, [Issue(display, 1, 1, f"file is {len(raw)} bytes; the limit is {MAX_BYTES}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _offset_to_position(raw, exc.start)
        return doc, [Issue(display, line, col, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    if "\x00" in text:
        line, col = _offset_to_position(raw, raw.index(b"\x00"))
        return doc, [Issue(display, line, col, "the file contains a NUL character")]
    doc.first_line = text.split("\n", 1)[0].rstrip("\r")
    try:
        doc.data = _Builder(doc).build(text)
    except _Hazard as hazard:
        return doc, [Issue(display, hazard.line, hazard.col, hazard.message)]
    except yaml.YAMLError as exc:
        return doc, [_syntax_issue(display, exc)]
    return doc, []


def _offset_to_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _syntax_issue(display: str, exc: yaml.YAMLError) -> Issue:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    if mark is None:
        return Issue(display, 1, 1, message)
    return Issue(display, mark.line + 1, mark.column + 1, message)


class _Builder:
    """Turns the parser's event stream into plain Python data, recording positions on the way."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def build(self, text: str) -> Any:
        events = yaml.parse(text, Loader=_Parser)
        next(events)  # StreamStartEvent
        event = next(events)
        if isinstance(event, yaml.StreamEndEvent):
            return None
        value = self._node(next(events), events, (), 1)
        next(events)  # DocumentEndEvent
        extra = next(events)
        if not isinstance(extra, yaml.StreamEndEvent):
            raise _Hazard(extra.start_mark, "a file holds one YAML document; remove the second '---'")
        return value

    def _node(self, event: Any, events: Any, loc: Loc, depth: int) -> Any:
        if isinstance(event, yaml.AliasEvent):
            raise _Hazard(event.start_mark, f"aliases ('*{event.anchor}') are not allowed; write the value out")
        if event.anchor is not None:
            raise _Hazard(event.start_mark, f"anchors ('&{event.anchor}') are not allowed; write the value out")
        if depth > MAX_DEPTH:
            raise _Hazard(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels")
        self.doc.values[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, loc)
            if not isinstance(value, str):
                self.doc.raw[loc] = event.value
            return value
        if event.tag not in (None, "!"):
            raise _Hazard(event.start_mark, f"explicit tags ('{event.tag}') are not allowed")
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(child, events, (*loc, len(items)), depth + 1))
        mapping: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._key(key_event, loc)
            mark = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            if key in mapping:
                first = self.doc.keys[(*loc, key)]
                raise _Hazard(key_event.start_mark, f"duplicate key '{key}' (first defined on line {first[0]})")
            self.doc.keys[(*loc, key)] = mark
            mapping[key] = self._node(next(events), events, (*loc, key), depth + 1)
        raise AssertionError("unterminated mapping")  # the parser guarantees a MappingEndEvent

    def _key(self, event: Any, loc: Loc) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise _Hazard(event.start_mark, "keys must be plain words, not lists or mappings")
        if event.anchor is not None:
            raise _Hazard(event.start_mark, f"anchors ('&{event.anchor}') are not allowed; write the value out")
        key = _scalar(event, loc)
        if not isinstance(key, str):
            raise _Hazard(event.start_mark, f"key {event.value!r} is read as {type_name(key)}, not text")
        return key


def _scalar(event: Any, loc: Loc) -> Any:
    if event.tag not in (None, "!"):
        raise _Hazard(event.start_mark, f"explicit tags ('{event.tag}') are not allowed")
    if not event.implicit[0]:
        return event.value
    tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _STR:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _constructor.construct_object(node)
    except (yaml.YAMLError, ValueError) as exc:
        where = f"{dotted(loc)}: " if loc else ""
        raise _Hazard(event.start_mark, f"{where}cannot read {event.value!r}: {exc}") from None


def type_name(value: Any) -> str:
    """Plain-language name of a YAML value's type, for messages."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def dotted(loc: Loc) -> str:
    """A path inside a file as contributors write it: `skills[2].skill`."""
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
