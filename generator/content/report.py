"""Formats issues for people (compiler style), for programs (JSON) and for GitHub (annotations)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.content.issues import Issue

FORMATS = ("text", "json", "github")


def summary(issues: Sequence[Issue], *, strict: bool = False) -> str:
    """One closing line: what was found and whether it stops the build."""
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    files = len({issue.file for issue in issues})
    if not issues:
        return "All content is valid."
    counts = _plural(errors, "error") + (f" and {_plural(warnings, 'warning')}" if warnings else "")
    if errors or (strict and warnings):
        return f"Aborted with {counts} in {_plural(files, 'file')}."
    return f"Valid, with {counts} in {_plural(files, 'file')}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def render(issues: Sequence[Issue], *, fmt: str = "text", strict: bool = False) -> str:
    """All issues in the requested format, ending with the summary line for text and GitHub output."""
    if fmt == "json":
        rows = [
            {"file": i.file, "line": i.line, "col": i.col, "severity": i.severity, "message": i.message} for i in issues
        ]
        return json.dumps({"issues": rows, "summary": summary(issues, strict=strict)}, indent=2)
    lines = [_annotation(issue) if fmt == "github" else visible(str(issue)) for issue in issues]
    return "\n".join([*lines, summary(issues, strict=strict)])


def visible(text: str) -> str:
    """Text safe to print to a terminal or a log: every control, formatting or undecodable character escaped.

    Content can put escape sequences into key names, ids and file names; printed raw they could clear the
    screen or rewrite earlier lines (hiding the real errors), or reverse the text around them.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _annotation(issue: Issue) -> str:
    message = visible(issue.message).replace("%", "%25")
    where = f"file={_prop(visible(issue.file))},line={issue.line},col={issue.col}"
    return f"::{issue.severity} {where}::{message}"


def _prop(value: str) -> str:
    return value.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def failed(issues: Sequence[Issue], *, strict: bool = False) -> bool:
    """Whether these issues fail a check: any error, or any warning under --strict."""
    return any(issue.severity == "error" or strict for issue in issues)
