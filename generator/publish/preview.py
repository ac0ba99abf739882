"""What the live preview remembers between rebuilds, so a save rebuilds only the pages it changed.

The preview keeps the last valid set of pages: when a save makes the content invalid, the site keeps showing
those pages with the located errors in a banner at the top of each article, instead of failing the build.
No site builder here; `mkdocs_hooks` applies it.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from generator.publish.prepared import Prepared

BANNER_START = "<!-- handbook-preview-errors -->"
BANNER_END = "<!-- /handbook-preview-errors -->"
_BANNER = re.compile(re.escape(BANNER_START) + ".*?" + re.escape(BANNER_END), re.DOTALL)
_ARTICLE = re.compile(r"<article\b[^>]*>")


def digest(text: str) -> str:
    """A short fingerprint of a page's Markdown."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class Preview:
    """State kept across the rebuilds of one `properdocs serve` process."""

    def __init__(self) -> None:
        self.last_good: Prepared | None = None
        self.built: dict[str, str] = {}
        """Page path → digest of the Markdown whose HTML is in the site folder now."""
        self.pending: dict[str, str] = {}
        self.errors: str | None = None
        self.bannered = False

    def unchanged(self, path: str, text: str) -> bool:
        """Whether the site folder already holds this exact page, so it need not be built again."""
        return self.built.get(path) == digest(text)

    def start(self, rendered: Mapping[str, str]) -> None:
        """A build of these pages begins; they count as built once it completes."""
        self.pending = {path: digest(text) for path, text in rendered.items()}

    def finish(self, *, succeeded: bool) -> None:
        """The build ended: remember what is in the site folder (nothing reliable after a failure)."""
        self.built = self.pending if succeeded else {}
        self.pending = {}


def error_page(report: str) -> str:
    """The only page there is when the content is invalid before any valid build: the errors, as code."""
    lines = "\n".join(f"    {line}" for line in report.splitlines())
    return f"# The content has errors\n\nFix these and save; the preview rebuilds by itself.\n\n{lines}\n"


def banner(report: str) -> str:
    """A visible box listing the located errors, in Material's admonition style."""
    return (
        f'{BANNER_START}<div class="admonition failure"><p class="admonition-title">'
        "The content has errors; this preview shows the last valid version</p>"
        f"<pre><code>{html.escape(report)}</code></pre></div>{BANNER_END}"
    )


def with_banner(page: str, report: str) -> str:
    """The HTML page with the error banner at the top of its article (or of its body), replacing any old one."""
    page = without_banner(page)
    found = _ARTICLE.search(page) or re.search(r"<body\b[^>]*>", page)
    if found is None:
        return page
    return page[: found.end()] + banner(report) + page[found.end() :]


def without_banner(page: str) -> str:
    """The HTML page without the error banner."""
    return _BANNER.sub("", page)


def mark_site(site_dir: Path, report: str | None) -> None:
    """Add the banner to every page of the site folder, or take it away when `report` is None."""
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        marked = with_banner(text, report) if report is not None else without_banner(text)
        if marked != text:
            path.write_text(marked, encoding="utf-8")


def nav_paths(nav: Any) -> list[str]:
    """Every Markdown page named in the `nav` setting."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item)]
    return []


class CompiledTemplates(jinja2.BytecodeCache):
    """Theme templates compiled once per preview process; ProperDocs makes a new template environment per build."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def without_pages(kept: list[dict[str, Any]], rebuilt: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search entries kept from the last build, less every entry of a page that the `rebuilt` entries come from.

    An entry's location is its page's address, followed for a section by `#` and the section's anchor.
    """
    pages = {entry["location"].partition("#")[0] for entry in rebuilt}
    return [entry for entry in kept if entry["location"].partition("#")[0] not in pages]
