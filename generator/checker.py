"""Per-file checks: find the content files, parse them and validate each against its model.

A file that fails to parse or validate becomes Issues in the result, so one broken file never hides
the others; the cross-reference pass then runs on every entity that did validate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.issues import Issue
from generator.loader import Document, load, type_name
from generator.messages import schema_issues
from generator.models import ID_MAX_LENGTH, ID_PATTERN, KIND_NAMES, KINDS, Entity

SUFFIXES = (".yaml", ".yml")
MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"


@dataclass
class Content:
    """Every entity that validated, by kind folder and id; and every document that parsed, valid or not."""

    root: Path
    entities: dict[str, dict[str, Entity]] = field(default_factory=lambda: {kind: {} for kind in KINDS})
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    present: set[tuple[str, str]] = field(default_factory=set)
    """Every (kind, id) that has a file, valid or not: a reference to a broken file is not 'unknown'."""

    def document(self, kind: str, entity_id: str) -> Document:
        """The parsed file of one entity."""
        return self.documents[(kind, entity_id)]


def check_files(root: Path, *, display_root: str | None = None) -> tuple[Content, list[Issue]]:
    """Load and validate every file under `root`; return what validated and every issue found."""
    content = Content(root)
    issues: list[Issue] = []
    prefix = (display_root if display_root is not None else str(root)).rstrip("/")
    if not root.is_dir():
        return content, [Issue(prefix, 1, 1, "content folder does not exist")]
    for entry in sorted(root.iterdir()):
        name = f"{prefix}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.name not in KINDS:
            if entry.is_dir() or entry.suffix in SUFFIXES:
                expected = ", ".join(KINDS)
                issues.append(Issue(name, 1, 1, f"unknown content folder '{entry.name}'; expected one of {expected}"))
            continue
        issues += _check_kind(content, entry.name, entry, name)
    return content, issues


def _check_kind(content: Content, kind: str, folder: Path, prefix: str) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        display = f"{prefix}/{path.name}"
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in SUFFIXES:
            issues.append(Issue(display, 1, 1, "content files must end in .yaml"))
            continue
        if path.is_symlink():
            issues.append(Issue(display, 1, 1, "content files must be regular files, not links"))
            continue
        entity_id = path.stem
        problem = id_problem(entity_id)
        if problem:
            issues.append(Issue(display, 1, 1, f"file name: {problem}"))
            continue
        folded = unicodedata.normalize("NFKC", entity_id).casefold()
        if folded in seen:
            issues.append(Issue(display, 1, 1, f"duplicate {KIND_NAMES[kind]} id '{entity_id}' (also {seen[folded]})"))
            continue
        seen[folded] = display
        content.present.add((kind, entity_id))
        doc, file_issues = load(path, display)
        issues += file_issues
        if file_issues:
            continue
        issues += _check_modeline(doc, kind)
        content.documents[(kind, entity_id)] = doc
        content.files[(kind, entity_id)] = path
        entity, schema_issues = validate_document(doc, KINDS[kind])
        issues += schema_issues
        if entity is not None:
            content.entities[kind][entity_id] = entity
    return issues


def id_problem(entity_id: str) -> str | None:
    """Why `entity_id` is not a valid id, or None when it is."""
    if len(entity_id) > ID_MAX_LENGTH:
        return f"id '{entity_id}' is longer than {ID_MAX_LENGTH} characters"
    if not re.fullmatch(ID_PATTERN, entity_id):
        return f"id '{entity_id}' must be lowercase letters and digits joined by single hyphens, e.g. 'ml-engineer'"
    return None


def _check_modeline(doc: Document, kind: str) -> list[Issue]:
    expected = MODELINE.format(kind=KIND_NAMES[kind])
    if doc.first_line == expected:
        return []
    return [Issue(doc.path, 1, 1, f"the first line should be the schema modeline '{expected}'", "warning")]


def validate_document(doc: Document, model: type[Entity]) -> tuple[Entity | None, list[Issue]]:
    """Validate parsed data against `model`; schema errors become Issues at the offending line."""
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else type_name(doc.data)
        return None, [Issue(doc.path, 1, 1, f"expected a mapping of fields, got {got}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, schema_issues(doc, model, exc.errors(include_url=False))
