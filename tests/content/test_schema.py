"""The committed JSON Schemas match the models, are draft-07 documents editors can use, and agree with the validator."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content import schema
from generator.content.models import KIND_NAMES
from generator.content.validate import validate

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


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


# ---------------------------------------------------------------------------------------------------------------
# An independent validator: check-jsonschema compiles each pattern as an ECMA-262 regular expression and checks
# `format` (e.g. date), as ajv and the editors' language server do, so the schemas must work there, not only here.
# ---------------------------------------------------------------------------------------------------------------

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    """Run check-jsonschema from this environment; its output is kept for the assertion message."""
    return subprocess.run([str(CHECK_JSONSCHEMA), *args], capture_output=True, text=True, check=False)


def test_schemas_are_valid_against_their_metaschema_with_ecma_regexes() -> None:
    result = check_jsonschema("--check-metaschema", *sorted(str(path) for path in SCHEMA_DIR.glob("*.schema.json")))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("folder", "kind"), sorted(KIND_NAMES.items()))
def test_every_content_file_passes_check_jsonschema(folder: str, kind: str) -> None:
    files = sorted(str(path) for path in (CONTENT_DIR / folder).glob("*.yaml"))
    if not files:
        pytest.skip(f"no content in {folder}/")
    result = check_jsonschema("--schemafile", str(SCHEMA_DIR / f"{kind}.schema.json"), *files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-01", None),
        ("'2024-05-01'", None),
        ('"2024-02-29"', None),
        ("not stated", None),
        ("unknown", "date: expected a date (YYYY-MM-DD) or 'not stated', got 'unknown'"),
        ("'2024-13-01'", "date: cannot read '2024-13-01' as a date: month must be in 1..12"),
        ("'2023-02-29'", "date: cannot read '2023-02-29' as a date: day is out of range for month"),
        ("'2024-5-1'", "date: expected a date (YYYY-MM-DD) or 'not stated', got '2024-5-1'"),
        ("'1 May 2024'", "date: expected a date (YYYY-MM-DD) or 'not stated', got '1 May 2024'"),
    ],
)
def test_schema_and_validator_agree_on_dates(
    make_content: Callable[..., Path], value: str, message: str | None
) -> None:
    source = f"# yaml-language-server: $schema=../../schema/source.schema.json\ntitle: An article\ndate: {value}\n"
    content = make_content({"sources/article.yaml": source})
    _, issues = validate(content, display_root="content")
    schema_result = check_jsonschema(
        "--schemafile", str(SCHEMA_DIR / "source.schema.json"), str(content / "sources" / "article.yaml")
    )
    assert [issue.message for issue in issues] == ([message] if message else [])
    assert (schema_result.returncode == 0) == (message is None), schema_result.stdout


def test_a_source_with_an_address_needs_the_date_it_was_read(make_content: Callable[..., Path]) -> None:
    head = "# yaml-language-server: $schema=../../schema/source.schema.json\ntitle: A page\ndate: not stated\n"
    addressed = head + "url: https://example.org/page\n"
    _, issues = validate(make_content({"sources/page.yaml": addressed}), display_root="content")
    assert [issue.message for issue in issues] == ["a source with a url needs accessed: the date its text was read"]
    _, issues = validate(
        make_content({"sources/page.yaml": addressed + "accessed: 2026-01-31\n"}), display_root="content"
    )
    assert [issue.message for issue in issues if issue.severity == "error"] == []
