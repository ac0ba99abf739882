"""`handbook new`: a new entity file with its schema modeline and every required field stubbed with a hint."""

from __future__ import annotations

from pathlib import Path

from generator.content.checker import MODELINE, id_problem
from generator.content.fields import field_type
from generator.content.models import KIND_NAMES, KINDS
from generator.content.retired import MANIFEST, update_manifest

SINGULAR_TO_FOLDER = {singular: folder for folder, singular in KIND_NAMES.items()}


class ScaffoldError(Exception):
    """The kind, id or target file does not allow a new entity."""


def scaffold_text(folder: str) -> str:
    """The stub: modeline, a how-to comment, then each required field empty with its type as a hint."""
    model = KINDS[folder]
    lines = [
        MODELINE.format(kind=KIND_NAMES[folder]),
        f"# A new {KIND_NAMES[folder]}. Fill in every empty value below, then run `make validate`.",
        "# Optional fields are listed on the site's 'Editing the content' page.",
    ]
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        hint = field_type(info)
        empty = "[]" if hint.startswith("list") else ""
        description = f" {info.description}" if info.description else ""
        lines.append(f"{name}: {empty}".rstrip() + f"  # {hint}.{description}")
    return "\n".join(lines) + "\n"


def new_entity(content: Path, kind: str, entity_id: str) -> Path:
    """Create content/<kind>/<id>.yaml; refuses an unknown kind, an invalid id or an existing file."""
    folder = SINGULAR_TO_FOLDER.get(kind, kind)
    if folder not in KINDS:
        raise ScaffoldError(f"unknown kind '{kind}'; expected one of {', '.join(SINGULAR_TO_FOLDER)}")
    problem = id_problem(entity_id)
    if problem:
        raise ScaffoldError(problem)
    path = content / folder / f"{entity_id}.yaml"
    existing = [p for p in (path, path.with_suffix(".yml")) if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(scaffold_text(folder))
    if folder != "retired" and (content / MANIFEST).is_file():
        update_manifest(content)  # from now on the id counts as published: it cannot vanish unaccounted for
    return path
