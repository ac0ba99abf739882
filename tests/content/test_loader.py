"""Each loader hazard gets its exact, located message; safe inputs load with their positions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.loader import MAX_BYTES, MAX_DEPTH, load


def _load(tmp_path: Path, raw: bytes) -> tuple[object, list[str]]:
    path = tmp_path / "entry.yaml"
    path.write_bytes(raw)
    doc, issues = load(path, "content/x/entry.yaml")
    return doc.data, [str(issue) for issue in issues]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a: 1\nb: 2\na: 3\n", "content/x/entry.yaml:3:1: duplicate key 'a' (first defined on line 1)"),
        (b"a: &x 1\n", "content/x/entry.yaml:1:4: anchors ('&x') are not allowed; write the value out"),
        (b"a: [1]\nb: *x\n", "content/x/entry.yaml:2:4: aliases ('*x') are not allowed; write the value out"),
        (b"&top\na: 1\n", "content/x/entry.yaml:1:1: anchors ('&top') are not allowed; write the value out"),
        (
            b"a: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n",
            f"content/x/entry.yaml:1:{3 + MAX_DEPTH}: nesting is deeper than {MAX_DEPTH} levels",
        ),
        (b"1: a\n", "content/x/entry.yaml:1:1: key '1' is read as a number, not text"),
        (b"yes: a\n", "content/x/entry.yaml:1:1: key 'yes' is read as a boolean, not text"),
        (b"[a]: b\n", "content/x/entry.yaml:1:1: keys must be plain words, not lists or mappings"),
        (b"a: !!str 1\n", "content/x/entry.yaml:1:4: explicit tags ('tag:yaml.org,2002:str') are not allowed"),
        (b"a: 1\n---\nb: 2\n", "content/x/entry.yaml:2:1: a file holds one YAML document; remove the second '---'"),
        (b"a: b\nc: \xff\n", "content/x/entry.yaml:2:4: invalid UTF-8 (byte 0xff); save the file as UTF-8"),
        (b"a: b\x00\n", "content/x/entry.yaml:1:5: the file contains a NUL character"),
        (
            b"a: [b\n",
            "content/x/entry.yaml:2:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        ),
        (
            b"when: 2024-02-30\n",
            "content/x/entry.yaml:1:7: when: cannot read '2024-02-30': day is out of range for month",
        ),
    ],
)
def test_hazard_is_refused_with_its_location(tmp_path: Path, raw: bytes, message: str) -> None:
    data, issues = _load(tmp_path, raw)
    assert data is None
    assert issues == [message]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    raw = b"a: '" + b"x" * MAX_BYTES + b"'\n"
    _, issues = _load(tmp_path, raw)
    assert issues == [f"content/x/entry.yaml:1:1: file is {len(raw)} bytes; the limit is {MAX_BYTES}"]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    data, issues = _load(tmp_path, b"\xef\xbb\xbfa: b\r\nc:\r\n  - d\r\n")
    assert issues == []
    assert data == {"a": "b", "c": ["d"]}


def test_yaml_1_1_values_keep_their_yaml_type_for_the_model_to_refuse(tmp_path: Path) -> None:
    data, issues = _load(tmp_path, b"a: no\nb: on\nc: 1.10\nd: 12:30\ne: 2024-01-02\nf: 'no'\ng: \"1.10\"\n")
    assert issues == []
    assert data == {"a": False, "b": True, "c": 1.1, "d": 750, "e": dt.date(2024, 1, 2), "f": "no", "g": "1.10"}


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    path.write_text("title: x\nitems:\n  - a\n  - b: c\n")
    doc, _ = load(path, "entry.yaml")
    assert doc.position(("title",)) == (1, 8)
    assert doc.position(("items", 1, "b")) == (4, 8)
    assert doc.position(("items", 1, "b"), key=True) == (4, 5)
    assert doc.position(("items", 1, "missing")) == (4, 5)


def test_empty_file_loads_as_nothing(tmp_path: Path) -> None:
    assert _load(tmp_path, b"") == (None, [])
