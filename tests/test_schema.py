"""The committed JSON Schemas match the models, and are draft-07 documents editors can use."""

from __future__ import annotations

import json
from pathlib import Path

from generator import schema
from generator.models import KIND_NAMES

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"


def test_committed_schemas_are_current() -> None:
    expected = schema.schemas()
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    stale = sorted(name for name in expected.keys() | committed.keys() if expected.get(name) != committed.get(name))
    assert not stale, f"schema/ is stale for {stale}; run `make schema` and commit the result"


def test_schemas_are_draft_07_without_newer_keywords() -> None:
    for name, text in schema.schemas().items():
        document = json.loads(text)
        assert document["$schema"] == "http://json-schema.org/draft-07/schema#", name
        assert "$defs" not in text and "prefixItems" not in text, name
        assert document["additionalProperties"] is False, name


def test_write_removes_stale_files(tmp_path: Path) -> None:
    (tmp_path / "old.schema.json").write_text("{}")
    schema.write(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KIND_NAMES.values()
    )


def test_every_content_file_starts_with_its_modeline() -> None:
    for folder, kind in KIND_NAMES.items():
        for path in sorted((CONTENT_DIR / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path
