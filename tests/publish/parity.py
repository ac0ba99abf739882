"""How far a second builder's site matches the reference build of the same rendered pages, page by page.

For every rendered Markdown page: is its HTML there, and are its title, headings, links (with their targets),
tables and JSON-LD the same as in the reference; does the builder's search index hold it; and does its page in
the builder's offline build (no directory URLs, opened from file://) exist with every local link reaching a file.
A link is broken when the page or the anchor it points to is not in the builder's own site.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

CHECKS = ("present", "title", "headings", "links", "tables", "jsonld", "search", "offline")


@dataclass
class PageParity:
    """One page's result: each check in CHECKS passed or not, and the broken links under the builder."""

    page: str
    passed: dict[str, bool] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)


def html_path(page: str, *, directory_urls: bool = True) -> str:
    """Where a builder writes a Markdown page: 'a/b.md' → 'a/b/index.html' (or 'a/b.html' without directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def page_url(page: str) -> str:
    """The page's address relative to the site root, as search indexes record it: '' or 'a/b/'."""
    return html_path(page).removesuffix("index.html")


class Site:
    """A built site folder, parsed lazily page by page."""

    def __init__(self, root: Path, search_index: str) -> None:
        self.root = root
        data = json.loads((root / search_index).read_text(encoding="utf-8"))
        entries = data.get("docs", data.get("items", []))
        self.searchable = {entry["location"].partition("#")[0] for entry in entries}

    @cache  # noqa: B019 - one Site per build, kept for the whole report
    def soup(self, path: str) -> BeautifulSoup | None:
        file = self.root / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.is_file() else None

    def ids(self, path: str) -> set[str]:
        soup = self.soup(path)
        return {str(tag["id"]) for tag in soup.find_all(id=True)} if soup else set()


def _article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article")
    return found if found is not None else soup


def title(soup: BeautifulSoup) -> str:
    return soup.title.get_text(strip=True) if soup.title else ""


def headings(soup: BeautifulSoup) -> list[tuple[str, str, str]]:
    """Each heading of the article: level, anchor and text (without its permalink mark)."""
    found = []
    for heading in _article(soup).find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        text = "".join(
            str(part) if isinstance(part, str) else part.get_text()
            for part in heading.children
            if not (isinstance(part, Tag) and "headerlink" in (part.get("class") or []))
        )
        found.append((heading.name, str(heading.get("id", "")), " ".join(text.split())))
    return found


def links(soup: BeautifulSoup, path: str) -> list[tuple[str, str]]:
    """Every link of the article but the edit button, as (target file or outside address, anchor), in order."""
    found = []
    for link in _article(soup).select("a[href]"):
        if "edit" in (link.get("rel") or []):
            continue
        found.append(resolve(path, str(link["href"])))
    return found


def resolve(path: str, href: str) -> tuple[str, str]:
    """(the site file a link on page `path` opens, its anchor); an outside address is returned as it is."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href, ""
    if not parts.path:
        return path, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path)))
    if parts.path.endswith("/") or target == "." or "." not in posixpath.basename(target):  # a folder: its index
        target = posixpath.join(target, "index.html")
    return target.removeprefix("./"), unquote(parts.fragment)


def tables(soup: BeautifulSoup) -> list[tuple[int, list[str]]]:
    """Each table of the article: its number of rows and its header cells."""
    return [
        (len(table.find_all("tr")), [" ".join(cell.get_text().split()) for cell in table.find_all("th")])
        for table in _article(soup).find_all("table")
    ]


def jsonld(soup: BeautifulSoup) -> list[object]:
    return [json.loads(script.get_text()) for script in soup.find_all("script", type="application/ld+json")]


def broken_links(site: Site, path: str) -> list[str]:
    """The links of a page that lead to no file, or to no such anchor, in `site`."""
    soup = site.soup(path)
    found = []
    for target, anchor in links(soup, path) if soup else []:
        if urlsplit(target).scheme or urlsplit(target).netloc:
            continue
        if not (site.root / target).is_file():
            found.append(f"{path} → {target}")
        elif anchor and target.endswith(".html") and anchor not in site.ids(target):
            found.append(f"{path} → {target}#{anchor}")
    return found


def offline_ok(offline: Path, page: str) -> bool:
    """The page is in the offline build, and every local link of it opens a file there (as it must from file://)."""
    path = html_path(page, directory_urls=False)
    file = offline / path
    if not file.is_file():
        return False
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    for link in soup.select("a[href]"):
        target, _ = resolve(path, str(link["href"]))
        parts = urlsplit(target)
        if not (parts.scheme or parts.netloc) and not (offline / target).is_file():
            return False
    return True


def compare(pages: Iterable[str], reference: Site, builder: Site, offline: Path) -> list[PageParity]:
    """The parity of every page (paths of rendered Markdown files) between the reference and the builder's site."""
    report = []
    for page in sorted(pages):
        path = html_path(page)
        ours, theirs = reference.soup(path), builder.soup(path)
        result = PageParity(page)
        result.passed["present"] = theirs is not None
        if ours is not None and theirs is not None:
            result.passed["title"] = title(ours) == title(theirs)
            result.passed["headings"] = headings(ours) == headings(theirs)
            result.passed["links"] = links(ours, path) == links(theirs, path)
            result.passed["tables"] = tables(ours) == tables(theirs)
            result.passed["jsonld"] = jsonld(ours) == jsonld(theirs)
            result.broken = broken_links(builder, path)
        else:
            result.passed |= dict.fromkeys(("title", "headings", "links", "tables", "jsonld"), False)
        url = page_url(page)
        result.passed["search"] = (url in builder.searchable) == (url in reference.searchable)
        result.passed["offline"] = offline_ok(offline, page)
        report.append(result)
    return report


def totals(report: list[PageParity], builder: str) -> str:
    """One line per check: how many pages pass it, and the pages that do not (the first few)."""
    lines = [f"{builder} parity with ProperDocs over {len(report)} rendered pages:"]
    for check in CHECKS:
        failing = [result.page for result in report if not result.passed[check]]
        shown = ", ".join(failing[:4]) + (f" and {len(failing) - 4} more" if len(failing) > 4 else "")
        lines.append(
            f"  {check:<9} {len(report) - len(failing):>4}/{len(report)}" + (f"  (not: {shown})" if shown else "")
        )
    broken = [link for result in report for link in result.broken]
    lines.append(f"  broken links: {len(broken)}" + (f" ({', '.join(broken[:4])})" if broken else ""))
    return "\n".join(lines)
