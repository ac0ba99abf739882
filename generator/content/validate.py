"""The validation pipeline: per-file checks, then cross-references, collected into one sorted list."""

from __future__ import annotations

from pathlib import Path

from generator.content.checker import Content, check_files
from generator.content.issues import Issue
from generator.content.retired import check_retired
from generator.content.rules.references import check_references


def validate(root: Path, *, display_root: str | None = None, reuse: bool = False) -> tuple[Content, list[Issue]]:
    """Check a content folder; returns what validated and every issue, sorted by file and line.

    `reuse` keeps the parse of unchanged files between calls in one process (the live preview).
    """
    content, issues = check_files(root, display_root=display_root, reuse=reuse)
    issues += check_references(content)
    issues += check_retired(content, (display_root if display_root is not None else str(root)).rstrip("/"))
    return content, sorted(set(issues))
