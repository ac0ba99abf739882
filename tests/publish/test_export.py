"""The open data: a valid Frictionless package whose CSV tables say what the JSON says, published with the site."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate as frictionless_validate

from generator.cli import main
from generator.publish.export import SEPARATOR, spreadsheet_text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["export", "--content", str(REPO / "content"), "--out", str(out)]) == 0
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(value: Any) -> str:
    """A JSON value as the CSV writes it: text with an apostrophe before what a spreadsheet would read as a formula
    (tests/test_spreadsheet.py checks that rule)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return spreadsheet_text(SEPARATOR.join(value))
    return spreadsheet_text(value) if isinstance(value, str) else str(value)


def _cell(record: dict[str, Any], column: str) -> str:
    """What a CSV column must hold for a JSON record, read by the column's name alone."""
    if column in record:
        return "" if isinstance(record[column], dict) else _text(record[column])
    base, _, part = column.rpartition("_")
    if base in record and part in ("min", "max"):
        return _text(record[base][part]) if isinstance(record[base], dict) else ""
    base, _, key = column.partition("_")
    assert isinstance(record.get(base), dict), f"no JSON field for the column {column}"
    return _text(record[base].get(key))


def _expected_links(kind_owner: str, item: dict[str, Any], field: str, columns: list[str]) -> list[dict[str, str]]:
    rows = []
    for position, value in enumerate(item[field], start=1):
        keys = {f"{kind_owner}_id": item["id"], "position": str(position)}
        if isinstance(value, str):
            rows.append({**keys, "text": spreadsheet_text(value)})
            continue
        inner = [name for name, sub in value.items() if isinstance(sub, list) and sub and isinstance(sub[0], dict)]
        own = [
            column for column in columns if column not in keys and not any(column.startswith(f"{n}_") for n in inner)
        ]
        row = {**keys, **{column: _cell(value, column) for column in own}}
        if not inner:
            rows.append(row)
        for name in inner:
            for inner_position, sub in enumerate(value[name], start=1):
                sub_columns = [
                    column for column in columns if column.startswith(f"{name}_") and column != f"{name}_position"
                ]
                cells = {column: _cell(sub, column.removeprefix(f"{name}_")) for column in sub_columns}
                rows.append({**row, f"{name}_position": str(inner_position), **cells})
    return rows


def test_the_package_is_valid_frictionless_data(exported: Path) -> None:
    report = frictionless_validate(exported / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    described = {resource["path"] for resource in package["resources"]}
    assert described == {path.relative_to(exported).as_posix() for path in (exported / "csv").glob("*.csv")}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    keyed = {resource["name"]: resource["schema"] for resource in package["resources"]}
    assert keyed["roles"]["primaryKey"] == ["id"]
    assert {"fields": "skill", "reference": {"resource": "skills", "fields": "id"}} in keyed["roles-skills"][
        "foreignKeys"
    ]


@pytest.mark.parametrize(
    ("table", "column", "value", "error"),
    [("roles-skills", "skill", "no-such-skill", "foreign-key"), ("levels", "rank", "first", "type-error")],
)
def test_a_broken_table_fails_validation(
    exported: Path, tmp_path: Path, table: str, column: str, value: str, error: str
) -> None:
    copy = tmp_path / "data"
    shutil.copytree(exported, copy)
    rows = _rows(copy / "csv" / f"{table}.csv")
    rows[0][column] = value
    with (copy / "csv" / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = frictionless_validate(copy / "datapackage.json")
    assert not report.valid
    assert error in {row[0] for row in report.flatten(["type"])}


def test_json_and_csv_say_the_same(exported: Path) -> None:
    everything = json.loads((exported / "handbook.json").read_text(encoding="utf-8"))
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    owners = {
        resource["name"]: resource["schema"]["fields"][0]["name"].removesuffix("_id")
        for resource in package["resources"]
        if "-" in resource["name"]
    }
    schemas = {resource["name"]: resource["schema"] for resource in package["resources"]}
    compared = 0
    for path in sorted((exported / "json").glob("*.json")):
        kind = path.stem
        items = json.loads(path.read_text(encoding="utf-8"))
        assert everything[kind] == items, f"handbook.json and json/{kind}.json differ"
        rows = _rows(exported / "csv" / f"{kind}.csv")
        assert [row["id"] for row in rows] == [item["id"] for item in items]
        for row, item in zip(rows, items, strict=True):
            assert row == {column: _cell(item, column) for column in row}, f"{kind}/{item['id']}"
            compared += len(row)
        id_lists = {field["name"] for field in schemas[kind]["fields"] if field["type"] == "list"}
        lists = {field for item in items for field, value in item.items() if isinstance(value, list)} - id_lists
        assert {f"{kind}-{field}" for field in lists} == {name for name in owners if name.startswith(f"{kind}-")}
        for field in lists:
            table = f"{kind}-{field}"
            link_rows = _rows(exported / "csv" / f"{table}.csv")
            columns = list(link_rows[0]) if link_rows else []
            expected = [row for item in items for row in _expected_links(owners[table], item, field, columns)]
            assert link_rows == expected, table
            compared += sum(len(row) for row in link_rows)
    assert compared > 5000


@pytest.mark.slow
def test_the_site_and_the_offline_copy_publish_the_same_files(
    built_site: Path, offline_zip: Path, exported: Path
) -> None:
    files = {path.relative_to(exported).as_posix(): path.read_bytes() for path in exported.rglob("*") if path.is_file()}
    assert len(files) > 30
    for relative, data in files.items():
        assert (built_site / "data" / relative).read_bytes() == data, relative
    with zipfile.ZipFile(offline_zip) as archive:
        for relative, data in files.items():
            assert archive.read(f"ml-engineering-handbook/data/{relative}") == data, relative
        assert "ml-engineering-handbook/data/index.html" in archive.namelist()
