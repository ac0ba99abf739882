"""Per-file checks: find the content files, parse them and validate each against its model.

A file that fails to parse or validate becomes Issues in the result, so one broken file never hides
the others; the cross-reference pass then runs on every entity that did validate.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.content.issues import Issue
from generator.content.loader import MAX_BYTES, Document, load, type_name
from generator.content.messages import schema_issues
from generator.content.models import KIND_NAMES, KINDS
from generator.content.models.base import ID_MAX_LENGTH, ID_PATTERN, Entity

SUFFIXES = (".yaml", ".yml")
MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"
MAX_FILES = 50_000
MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""Limits on the content set as a whole: about two hundred times today's content."""
MAX_KIND_BYTES = 8 * 1024 * 1024
"""A limit on the files of one kind, whose index page lists them all: a backstop, since a page builds in time
linear in its text; the glossary at its limit of terms, every text at its longest, is under half of it."""


@dataclass
class Content:
    """Every entity that validated, by kind folder and id; and every document that parsed, valid or not."""

    root: Path
    entities: dict[str, dict[str, Entity]] = field(default_factory=lambda: {kind: {} for kind in KINDS})
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    present: set[tuple[str, str]] = field(default_factory=set)
    """Every (kind, id) that has a file, valid or not: a reference to a broken file is not 'unknown'."""
    shown: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → the file's path as messages show it."""

    def document(self, kind: str, entity_id: str) -> Document:
        """The parsed file of one entity."""
        return self.documents[(kind, entity_id)]


def check_files(root: Path, *, display_root: str | None = None, reuse: bool = False) -> tuple[Content, list[Issue]]:
    """Load and validate every file under `root`; return what validated and every issue found.

    With `reuse`, a file whose bytes have not changed since an earlier call in this process is not parsed again.
    """
    content = Content(root)
    issues: list[Issue] = []
    prefix = (display_root if display_root is not None else str(root)).rstrip("/")
    if not root.is_dir():
        return content, [Issue(prefix, 1, 1, "content folder does not exist")]
    too_large = _size_problem(root)
    if too_large:
        where, problem = too_large
        return content, [Issue(f"{prefix}/{where}" if where else prefix, 1, 1, problem)]
    for entry in sorted(root.iterdir()):
        name = f"{prefix}/{shown_name(entry.name)}"
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and entry.name in KINDS:
            issues.append(Issue(name, 1, 1, "content folders must be real folders, not links"))
            continue
        if not entry.is_dir() or entry.name not in KINDS:
            if entry.is_dir() or entry.suffix in SUFFIXES:
                expected = ", ".join(KINDS)
                issues.append(Issue(name, 1, 1, f"unknown content folder '{entry.name}'; expected one of {expected}"))
            continue
        issues += _check_kind(content, entry.name, entry, name, reuse=reuse)
    return content, issues


def shown_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 appear as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size_problem(root: Path) -> tuple[str, str] | None:
    """Why the content set, or one kind of it, is too large to build: (the kind folder or '', why), or None."""
    files = 0
    total = 0
    for folder in sorted(root.iterdir()):
        if folder.name in KINDS and folder.is_dir() and not folder.is_symlink():
            kind_total = 0
            for path in folder.iterdir():
                files += 1
                kind_total += path.lstat().st_size
            if kind_total > MAX_KIND_BYTES:
                problem = f"the {folder.name} files hold {kind_total} bytes; one kind may hold {MAX_KIND_BYTES}"
                return folder.name, f"{problem}, as its index page lists them all"
            total += kind_total
    if files > MAX_FILES:
        return "", f"the content holds {files} files; the limit is {MAX_FILES}"
    if total > MAX_TOTAL_BYTES:
        return "", f"the content holds {total} bytes; the limit is {MAX_TOTAL_BYTES}"
    return None


def _check_kind(content: Content, kind: str, folder: Path, prefix: str, *, reuse: bool) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        display = f"{prefix}/{shown_name(path.name)}"
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        if shown_name(path.name) != path.name:
            issues.append(Issue(display, 1, 1, "file name is not valid UTF-8; rename the file"))
            continue
        if path.suffix not in SUFFIXES:
            issues.append(Issue(display, 1, 1, "content files must end in .yaml"))
            continue
        if path.is_symlink():
            issues.append(Issue(display, 1, 1, "content files must be regular files, not links"))
            continue
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode):
            issues.append(Issue(display, 1, 1, "content files must be regular files, not pipes, sockets or devices"))
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
        content.shown[(kind, entity_id)] = display
        doc, file_issues, entity, schema_issues = _checked(path, display, kind, status, reuse=reuse)
        issues += file_issues
        if file_issues:
            continue
        issues += _check_modeline(doc, kind)
        content.documents[(kind, entity_id)] = doc
        content.files[(kind, entity_id)] = path
        issues += schema_issues
        if entity is not None:
            content.entities[kind][entity_id] = entity
    return issues


_Checked = tuple[Document, list[Issue], Entity | None, list[Issue]]
_CHECKED: dict[tuple[str, str, str, bytes], _Checked] = {}
"""Files already parsed and validated in this process, by path and a hash of their bytes.

The live preview validates the whole content on every save; this way only the files that changed are parsed
again. A one-off `handbook validate` does not use it.
"""


def _checked(path: Path, display: str, kind: str, status: os.stat_result, *, reuse: bool) -> _Checked:
    """Parse and validate one file, or (with `reuse`) take the result for a file that has not changed since."""
    if not reuse or status.st_size > MAX_BYTES:
        doc, file_issues = load(path, display)
        entity, schema_issues = (None, []) if file_issues else validate_document(doc, KINDS[kind])
        return doc, file_issues, entity, schema_issues
    try:
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        digest = b""  # the loader reports why the file cannot be read
    key = (str(path), display, kind, digest)
    if not digest or key not in _CHECKED:
        if len(_CHECKED) > 4 * MAX_FILES:
            _CHECKED.clear()
        doc, file_issues = load(path, display)
        entity, schema_issues = (None, []) if file_issues else validate_document(doc, KINDS[kind])
        _CHECKED[key] = (doc, file_issues, entity, schema_issues)
    return _CHECKED[key]


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
