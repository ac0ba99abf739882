"""The validated and rendered site, as plain data a builder needs: issues, {page path: Markdown}, edit sources.

`handbook build` starts preparing it in a second process (where the platform can fork) while MkDocs starts up
in the first, so the two overlap on a machine with two cores; the MkDocs hook then takes the result. Anything
that goes wrong in the background falls back to preparing it in this process: the outcome is the same.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.issues import Issue


@dataclass
class Prepared:
    """Everything a builder needs from the generator, without the models it came from."""

    issues: list[Issue]
    pages: dict[str, str] = field(default_factory=dict)
    """Page path → Markdown, in the site's page order; empty when the content failed."""
    sources: dict[str, str | None] = field(default_factory=dict)
    """Page path → the content file its edit link opens (None for pages with no single source)."""


def prepare(root: Path, *, strict: bool = True) -> Prepared:
    """Validate the content under `root` and, if it passes, render every page."""
    from generator import report
    from generator.render import render_pages
    from generator.validate import validate

    content, issues = validate(root, display_root="content")
    if report.failed(issues, strict=strict):
        return Prepared(issues)
    rendered, pages = render_pages(content)
    return Prepared(issues, rendered, {page.path: page.source_file for page in pages})


_background: dict[Path, Callable[[], Prepared | None]] = {}


def start(root: Path) -> None:
    """Begin preparing `root` in a forked process; `take` collects it. Does nothing where fork is missing."""
    if not hasattr(os, "fork") or threading.active_count() > 1:  # forking a threaded process is unsafe
        return
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, measured by the bench rather than by coverage
        status = 1
        try:
            os.close(reader)
            with os.fdopen(writer, "wb") as out:
                out.write(pickle.dumps(prepare(root)))
            status = 0
        finally:
            os._exit(status)
    os.close(writer)

    def collect() -> Prepared | None:
        with os.fdopen(reader, "rb") as incoming:
            data = incoming.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        result = pickle.loads(data)  # our own child's output, never outside data
        return result if isinstance(result, Prepared) else None

    _background[root.resolve()] = collect


def take(root: Path) -> Prepared:
    """The prepared site for `root`: from the background process if one was started for it, else made now."""
    collect = _background.pop(root.resolve(), None)
    found = collect() if collect is not None else None
    return found if found is not None else prepare(root)
