"""The validated and rendered site, as plain data a builder needs: issues, {page path: Markdown}, edit sources.

`handbook build` starts preparing it in a second process (where the platform can fork) while ProperDocs starts
up in the first, so the two overlap on a machine with two cores; the builder's hook then takes the result.
Anything that goes wrong in the background falls back to preparing it in this process: the outcome is the same.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.content.issues import Issue


@dataclass
class Prepared:
    """Everything a builder needs from the generator, without the models it came from."""

    issues: list[Issue]
    pages: Mapping[str, str] = field(default_factory=dict)
    """Path → text: the files published with the pages (data downloads) first, then each page's Markdown in the
    site's page order; empty when the content failed."""
    sources: dict[str, str | None] = field(default_factory=dict)
    """Page path → the content file its edit link opens (None for pages with no single source)."""


def prepare(root: Path, *, strict: bool = True, reuse: bool = False) -> Prepared:
    """Validate the content under `root` and, if it passes, render every page (`reuse`: see `validate`)."""
    from generator.content import report
    from generator.content.validate import validate
    from generator.publish.render import attachments, render_pages

    content, issues = validate(root, display_root="content", reuse=reuse)
    if report.failed(issues, strict=strict):
        return Prepared(issues)
    with collected_after():
        rendered, pages = render_pages(content)
    files = attachments(pages)
    return Prepared(issues, {**files, **rendered}, {**dict.fromkeys(files), **{p.path: p.source_file for p in pages}})


@contextlib.contextmanager
def collected_after() -> Iterator[None]:
    """Python's cycle collector paused for the block, which makes many objects that all live to its end.

    Rendering makes a view of every page, all kept until the last page is written, so the collector would walk
    the growing heap again and again for nothing (a fifth of the page views' time). It resumes after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Streamed(Mapping[str, str]):
    """Pages arriving from the background process in site order, read only as far as a builder asks."""

    def __init__(self, incoming: BinaryIO, pid: int, paths: list[str], root: Path) -> None:
        self._incoming, self._pid, self._paths, self._root = incoming, pid, paths, root
        self._texts: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        while path not in self._texts and not self._incoming.closed:
            try:
                found, text = pickle.load(self._incoming)  # our own child's output, never outside data
                self._texts[found] = text
            except (EOFError, pickle.UnpicklingError, ValueError):
                self._finish()
                if len(self._texts) < len(self._paths):  # the child stopped early: make the pages here
                    self._texts = dict(prepare(self._root).pages)
        if len(self._texts) == len(self._paths):
            self._finish()
        return self._texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def _finish(self) -> None:
        if not self._incoming.closed:
            self._incoming.close()
            os.waitpid(self._pid, 0)


_background: dict[Path, Callable[[], Prepared | None]] = {}


def start(root: Path) -> None:
    """Begin preparing `root` in a forked process; `take` collects it. Does nothing where fork is missing.

    The child sends the issues and the page list first, then each page as it is rendered, so the builder can
    start on the first pages while the last are still being written.
    """
    if not hasattr(os, "fork") or threading.active_count() > 1:  # forking a threaded process is unsafe
        return
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, measured by the bench rather than by coverage
        status = 1
        try:
            os.close(reader)
            with os.fdopen(writer, "wb") as out:
                _stream(root, out)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)

    def collect() -> Prepared | None:
        incoming = os.fdopen(reader, "rb")
        try:
            issues, paths, sources = pickle.load(incoming)
        except (EOFError, pickle.UnpicklingError, ValueError):
            incoming.close()
            os.waitpid(pid, 0)
            return None
        return Prepared(issues, _Streamed(incoming, pid, paths, root), sources)

    _background[root.resolve()] = collect


def _stream(root: Path, out: BinaryIO) -> None:
    from generator.content import report
    from generator.content.validate import validate
    from generator.publish.render import Renderer, attachments, pages

    content, issues = validate(root, display_root="content")
    if report.failed(issues, strict=True):
        pickle.dump((issues, [], {}), out)
        return
    with collected_after():
        site_pages = pages(content)
    files = attachments(site_pages)
    sources = {**dict.fromkeys(files), **{page.path: page.source_file for page in site_pages}}
    pickle.dump((issues, list(sources), sources), out)
    for item in files.items():  # the downloads first: a builder copies them as they are, without waiting
        pickle.dump(item, out)
    out.flush()
    renderer = Renderer(content)
    for page in site_pages:
        pickle.dump((page.path, renderer.render(page)), out)


def take(root: Path, *, reuse: bool = False) -> Prepared:
    """The prepared site for `root`: from the background process if one was started for it, else made now."""
    collect = _background.pop(root.resolve(), None)
    found = collect() if collect is not None else None
    return found if found is not None else prepare(root, reuse=reuse)
