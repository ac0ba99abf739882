"""JSON Schema (draft-07, what editors' YAML language servers understand) generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.content.models import KIND_NAMES, KINDS

DRAFT = "http://json-schema.org/draft-07/schema#"


def schemas() -> dict[str, str]:
    """File name → JSON text, one schema per kind."""
    out = {}
    for folder, model in KINDS.items():
        schema: dict[str, Any] = model.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
        definitions = schema.pop("$defs", None)
        document = {"$schema": DRAFT, "$id": f"{KIND_NAMES[folder]}.schema.json", **schema}
        if definitions:
            document["definitions"] = definitions
        out[f"{KIND_NAMES[folder]}.schema.json"] = json.dumps(document, indent=2, sort_keys=True) + "\n"
    return out


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`, removing stale ones; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = schemas()
    for old in folder.glob("*.schema.json"):
        if old.name not in expected:
            old.unlink()
    written = []
    for name, text in expected.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
