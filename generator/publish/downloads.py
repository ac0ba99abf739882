"""The Data page: what the downloads hold, under which licence, and the files themselves published with it."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.pages.site import Page
from generator.publish import editions, export

PAGE = "data/index.md"
FOLDER = "data/"


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def page(content: Content, edition: editions.Edition) -> Page:
    """The Data page, with every export file attached under data/, and the edition's offline copy and PDF."""
    tables = export.tables(content)
    found = export.files(content, tables)
    view: dict[str, Any] = {
        "everything": {"path": "handbook.json", "size": _size(found["handbook.json"])},
        "package": {"path": "datapackage.json", "size": _size(found["datapackage.json"])},
        "kinds": [
            {"kind": kind, "path": f"json/{kind}.json", "count": len(content.entities[kind]), "size": _size(text)}
            for kind in content.entities
            for text in [found[f"json/{kind}.json"]]
        ],
        "tables": [
            {
                "name": table.name,
                "path": f"csv/{table.name}.csv",
                "description": table.description,
                "rows": len(table.rows),
                "key": ", ".join(table.key),
                "size": _size(found[f"csv/{table.name}.csv"]),
            }
            for table in tables
        ],
        "separator": export.SEPARATOR,
        "guard": export.FORMULA_GUARD,
        "licence": export.LICENCE,
        "credit": export.CREDIT,
        "edition": editions.view(edition, PAGE),
    }
    attachments = {FOLDER + path: text for path, text in found.items()}
    return Page(PAGE, "data.md.j2", "Data", view, files=attachments)
