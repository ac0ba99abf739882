"""The one thing every check produces: an Issue located at file:line:col."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Issue:
    """A problem found in the content, with where it is and what to do about it."""

    file: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        suffix = " [warning]" if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.col}: {self.message}{suffix}"
