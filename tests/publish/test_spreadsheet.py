"""No cell of the CSV downloads is a formula that a spreadsheet would run, whatever text the content holds.

Every free-text field of the test content starts with a formula (OWASP's list of what starts one: = + - @, a tab,
a line break) or hides one after a semicolon, tab or line break, where a spreadsheet that splits the file at
another separator starts a new cell. The CSV must write each so that it stays text, and the JSON the exact text.
Where LibreOffice is installed (CI installs it), it opens every table, split at commas and at semicolons, and
must find no formula; every cell is also checked as text here, with or without it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from generator.cli import main
from generator.content.models import KINDS
from generator.content.models.base import TEXT_PATTERN
from generator.content.validate import validate
from generator.publish.export import FORMULA_GUARD, spreadsheet_text
from tests.sitebuild import fixture_files, write_content

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?x","Click here")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\n=1+1",
    "Plain;=1+1",
    "Plain\t@SUM(1+1)",
    "Plain\n-1+1",
]
_STARTS_FORMULA = re.compile(r"^[=+\-@\t\r\n]")
_SEPARATORS = re.compile(r"[;\t\r\n]")


def _is_text(annotation: Any) -> bool:
    """Whether a field holds free text (the TEXT_PATTERN constraint), under Annotated and Optional."""
    while True:
        if get_origin(annotation) is typing.Annotated:
            if any(getattr(item, "pattern", None) == TEXT_PATTERN for item in annotation.__metadata__):
                return True
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (Union, types.UnionType):
            return any(_is_text(option) for option in get_args(annotation))
        else:
            return False


def _item(annotation: Any) -> Any:
    """The item type of a list field (or None), under Annotated and Optional."""
    while get_origin(annotation) in (typing.Annotated, Union, types.UnionType):
        options = [option for option in get_args(annotation) if option is not type(None)]
        annotation = options[0]
    return get_args(annotation)[0] if get_origin(annotation) is list else None


def _poison(model: type[BaseModel], data: dict[str, Any], counter: Iterator[int]) -> None:
    """Put a payload into every free-text value of `data`, in place, nested records included."""
    for name, value in data.items():
        info = model.model_fields[name]
        annotation, item = info.annotation, _item(info.annotation)
        own_pattern = any(getattr(item, "pattern", None) == TEXT_PATTERN for item in info.metadata)
        if isinstance(value, str) and (own_pattern or _is_text(annotation)):
            data[name] = f"{PAYLOADS[next(counter) % len(PAYLOADS)]} {name}"
        elif isinstance(value, list) and item is not None:
            for index, entry in enumerate(value):
                if isinstance(entry, str) and _is_text(item):
                    value[index] = f"{PAYLOADS[next(counter) % len(PAYLOADS)]} {name} {index}"
                elif isinstance(entry, dict) and isinstance(item, type) and issubclass(item, BaseModel):
                    _poison(item, entry, counter)


def hostile_files() -> tuple[dict[str, str], int]:
    """The test content with a payload in each of its free-text values; and how many there are."""
    files, counter = fixture_files(), iter(range(1_000_000))
    for path, text in files.items():
        kind = path.split("/")[0]
        data = yaml.safe_load(text)
        if kind not in KINDS or not isinstance(data, dict):
            continue
        _poison(KINDS[kind], data, counter)
        files[path] = text.splitlines()[0] + "\n" + json.dumps(data, default=str) + "\n"
    return files, next(counter)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    files, payloads = hostile_files()
    assert payloads > 60  # every free-text value of the test content, in every kind
    content = write_content(root, files)
    _, issues = validate(content, display_root="content")
    assert [str(issue) for issue in issues if issue.severity == "error"] == []
    assert main(["export", "--content", str(content), "--out", str(root / "data")]) == 0
    return root / "data"


def _text_cells(data: Path) -> Iterator[tuple[str, str]]:
    """(table, cell) for every cell of a text column: numbers (a negative one is a number, not a formula) aside."""
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        numeric = {field["name"] for field in resource["schema"]["fields"] if field["type"] in ("number", "integer")}
        with (data / resource["path"]).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, cell in row.items():
                    if column not in numeric:
                        yield resource["name"], cell


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t'=1"),
        ("\r=1", "'\r'=1"),
        ("\n=1", "'\n'=1"),
        ("a;=1", "a;'=1"),
        ("a\t+1", "a\t'+1"),
        ("a-b = c; d@e", "a-b = c; d@e"),
        ("'=1", "'=1"),
    ],
)
def test_text_that_would_start_a_formula_gets_an_apostrophe(text: str, cell: str) -> None:
    assert spreadsheet_text(text) == cell


def test_no_text_cell_starts_a_formula_anywhere_a_spreadsheet_splits_it(exported: Path) -> None:
    cells = list(_text_cells(exported))
    guarded = [cell for _, cell in cells if FORMULA_GUARD in cell]
    assert len(guarded) > 60  # every payload (some reach more than one table)
    live = [
        (table, cell)
        for table, cell in cells
        if any(_STARTS_FORMULA.match(piece) for piece in [cell, *_SEPARATORS.split(cell)[1:]] if piece)
    ]
    assert live == []


def test_the_json_keeps_the_exact_text(exported: Path) -> None:
    facts = json.loads((exported / "json" / "facts.json").read_text(encoding="utf-8"))
    statements = [fact["statement"] for fact in facts]
    assert statements and all(any(s.startswith(p) for p in PAYLOADS) for s in statements)
    with (exported / "csv" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        cells = [row["statement"] for row in csv.DictReader(handle)]
    assert cells == [spreadsheet_text(statement) for statement in statements] != statements


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("HANDBOOK_REQUIRE_SPREADSHEET") == "1":
        pytest.fail("LibreOffice (soffice) is not installed (HANDBOOK_REQUIRE_SPREADSHEET=1)")
    return found


def _formulas(soffice: str, tables: list[Path], separator: str, work: Path) -> dict[str, int]:
    """LibreOffice opens each CSV with `separator` and saves it as a flat ODS: its formulas, per table."""
    out = work / f"out-{ord(separator)}"
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile"]
    command += [f"--infilter=CSV:{ord(separator)},34,76,1", "--convert-to", "fods", "--outdir", str(out)]
    subprocess.run([*command, *map(str, tables)], check=True, capture_output=True, timeout=600)
    found = {}
    for table in tables:
        converted = (out / f"{table.stem}.fods").read_text(encoding="utf-8")
        found[table.stem] = converted.count("table:formula=")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("separator", [",", ";"])
def test_a_spreadsheet_finds_no_formula_in_any_table(exported: Path, tmp_path: Path, separator: str) -> None:
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed; the cells were checked as text above")
    control = tmp_path / "control.csv"  # proves that this spreadsheet does evaluate a formula the file holds
    control.write_text(f"id{separator}text\na{separator}=1+1\n", encoding="utf-8")
    tables = sorted((exported / "csv").glob("*.csv"))
    found = _formulas(soffice, [control, *tables], separator, tmp_path)
    assert found.pop("control") == 1
    assert len(found) == len(tables) > 30
    assert {table: count for table, count in found.items() if count} == {}
