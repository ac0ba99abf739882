"""The Frictionless data package descriptor that describes the CSV tables, and the licence they carry."""

from __future__ import annotations

from typing import Any

from generator.publish.export.tables import FORMULA_GUARD, SEPARATOR, Table

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CREDIT = '"ML Engineering Handbook" by The ML Engineering Handbook contributors, licensed under CC BY 4.0'


def package(found: list[Table]) -> dict[str, Any]:
    """The Frictionless data package descriptor of the CSV tables: every resource, its fields and its keys."""
    resources = []
    for table in found:
        schema: dict[str, Any] = {"fields": [column.field() for column in table.columns], "primaryKey": table.key}
        foreign = [
            {"fields": column.name, "reference": {"resource": column.refers_to, "fields": "id"}}
            for column in table.columns
            if column.refers_to
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table.name,
                "path": f"csv/{table.name}.csv",
                "profile": "tabular-data-resource",
                "title": table.name.replace("-", ": ", 1).replace("_", " "),
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "ml-engineering-handbook",
        "title": "ML Engineering Handbook: content as data",
        "description": (
            "Every validated entry of the handbook, one table per kind and one link table per list. Lists of ids "
            f"are joined with '{SEPARATOR}'. Text that a spreadsheet would read as a formula (one that begins with "
            "= + - @, a tab or a line break, or has one of those right after a semicolon, tab or line break) has "
            f"an apostrophe ({FORMULA_GUARD}) written before it. The same data, with the exact text, is in json/ "
            "(one file per kind) and handbook.json."
        ),
        "licenses": [LICENCE],
        "sources": [{"title": "ML Engineering Handbook content (content/ in its repository)"}],
        "resources": resources,
    }
