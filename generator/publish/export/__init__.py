"""The validated content as open data: JSON, CSV tables and a Frictionless data package that describes them.

Each kind becomes one JSON file and one CSV table keyed by `id`. In a CSV, a list of ids is one cell with the ids
joined by `|` (ids never hold it); a list of texts or of nested records becomes a link table of its own, one row per
item, keyed by the owner's id and the item's position (a record's own list of records adds one row per inner item).
The files are returned as {path relative to the data folder: text}, so the site, `handbook export` and any other
builder publish the same bytes.
"""

from __future__ import annotations

from generator.content.checker import Content
from generator.publish.export.datapackage import CREDIT, LICENCE, package
from generator.publish.export.records import json_text, records
from generator.publish.export.tables import FORMULA_GUARD, SEPARATOR, Table, csv_text, spreadsheet_text, tables

__all__ = ["CREDIT", "FORMULA_GUARD", "LICENCE", "SEPARATOR", "Table", "files", "records", "spreadsheet_text", "tables"]


def files(content: Content, found: list[Table] | None = None) -> dict[str, str]:
    """{path inside the data folder: text} for every download: JSON, CSV and datapackage.json (`found`: the
    tables, when the caller has them already)."""
    data = records(content)
    found = tables(content) if found is None else found
    out = {"handbook.json": json_text({"licence": LICENCE, "credit": CREDIT, "separator": SEPARATOR, **data})}
    out |= {f"json/{kind}.json": json_text(items) for kind, items in data.items()}
    out |= {f"csv/{table.name}.csv": csv_text(table) for table in found}
    out["datapackage.json"] = json_text(package(found))
    return out
