"""The single-page print edition of a built site, and the PDF of the whole handbook printed from it in Chromium.

Every page's article is taken from the built HTML in the order of the navigation (each index followed by the pages
in its folder), its ids are made unique per page and its links between pages become links inside the edition, so
the table of contents, the citations and every cross-reference still lead somewhere on paper and in the PDF.
It needs the test extra (Beautiful Soup, Playwright) and a Chromium; `make setup` installs the former.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urldefrag, urljoin

import yaml

from generator.publish import editions
from generator.publish.editions import PDF_TITLE

EDITION = "print-edition.html"
_REMOVED = (
    "a.headerlink, a.md-content__button, nav.md-tags, .md-source-file, script, details.handbook-toc, nav.handbook-trail"
)
_INTERACTIVE = "#planner"
"""Parts of a page that work only in a browser (the skills planner): on paper, a pointer to where they work."""


def _nav_urls(config: Path) -> list[str]:
    """The site addresses of the pages named in the configuration's nav, in order (INHERIT is followed)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)
    if "nav" not in settings and settings.get("INHERIT"):
        return _nav_urls(config.parent / settings["INHERIT"])
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str) and item.endswith(".md"):
            found.append(page_url(item))
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(settings.get("nav", []))
    return found


def page_url(path: str) -> str:
    """A Markdown page's address on a site with directory URLs: 'roles/x.md' → 'roles/x/', 'index.md' → ''."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def order(site: Path, nav: list[str]) -> list[str]:
    """Every page of the built site: the nav's pages in order, each index followed by the other pages of its folder."""
    built = sorted(
        "" if path.parent == site else path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
        if path.relative_to(site).parts[0] not in ("assets", "search")
    )
    ordered: list[str] = []
    for url in nav:
        if url in built and url not in ordered:
            ordered.append(url)
            if url:  # an index brings the pages of its folder with it
                ordered += [other for other in built if other.startswith(url) and other != url and other not in nav]
    return ordered + [url for url in built if url not in ordered]


def anchor(url: str, fragment: str = "") -> str:
    """The id of a page (or of an anchor on it) inside the edition."""
    base = "page-" + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home")
    return f"{base}--{fragment}" if fragment else base


def edition(site: Path, config: Path, *, date: str | None = None, site_url: str | None = None) -> str:
    """The HTML of the single-page edition, to be written at the root of `site`; its cover and title give the
    edition's `date` and the site's address when they are known."""
    from bs4 import BeautifulSoup, Tag

    urls = order(site, _nav_urls(config))
    first = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    styles = [
        str(urljoin("/", str(link["href"]))).lstrip("/")
        for link in first.select('link[rel="stylesheet"]')
        if not str(link["href"]).startswith(("http:", "https:"))
    ]
    body_attributes = first.body.attrs if first.body is not None else {}
    sections, contents = [], []
    for url in urls:
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article.md-content__inner")
        if not isinstance(article, Tag) or page.select_one('meta[name="robots"][content~="noindex"]'):
            continue  # no article, or the address of a retired entry: not part of the handbook's text
        for removed in article.select(_REMOVED):
            removed.decompose()
        for interactive in article.select(_INTERACTIVE):
            interactive.replace_with(BeautifulSoup(_pointer(url, site_url), "html.parser"))
        heading = article.find("h1")
        title = " ".join(heading.get_text().split()) if heading else url  # "(EDA)", never "( EDA )"
        for element in article.find_all(id=True):
            element["id"] = anchor(url, str(element["id"]))
        for link in article.find_all("a", href=True):
            link["href"] = _target(str(link["href"]), url, set(urls))
        for image in article.find_all("img", src=True):
            image["src"] = _target(str(image["src"]), url, set(urls))
        sections.append(f'<section class="print-page" id="{anchor(url)}">{article.decode_contents()}</section>')
        entry = f'<a href="#{anchor(url)}">{html.escape(title)}</a>{PAGE_NUMBER}'
        contents.append(f'<li><span class="print-toc__entry">{entry}</span></li>')
    attributes = " ".join(
        f'{name}="{html.escape(" ".join(value) if isinstance(value, list) else str(value))}"'
        for name, value in body_attributes.items()
    )
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in styles)
    title = PDF_TITLE.format(date=date) if date else "ML Engineering Handbook"
    cover_edition = f"<p>Edition of {html.escape(date)}.</p>" if date else ""
    cover_address = f"<p>Online, and as an offline copy: {html.escape(site_url)}</p>" if site_url else ""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n{links}\n</head>\n"
        f'<body {attributes}><div class="md-container"><main class="md-main"><div class="md-content">'
        '<article class="md-content__inner md-typeset print-edition">'
        '<section class="print-cover"><h1>ML Engineering Handbook</h1>'
        f"<p>The whole handbook in one document, printed from the site.</p>{cover_edition}{cover_address}"
        "<p>Content licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); code under the MIT "
        "licence.</p></section>"
        f'<nav class="print-toc"><h2>Contents</h2><ol>{"".join(contents)}</ol></nav>\n'
        + "\n".join(sections)
        + "</article></div></main></div></body></html>\n"
    )


def _pointer(url: str, site_url: str | None) -> str:
    """What the paper edition says in place of a part that works only in a browser."""
    where = html.escape(site_url.rstrip("/") + "/" + url) if site_url else "on the handbook's site"
    return (
        '<p class="print-pointer"><strong>This part works only in a browser.</strong> Use it online, '
        f"{where}, or in the offline copy, where it works without a network.</p>"
    )


_NUMBER = '<span class="print-toc__page">{}</span>'
PAGE_NUMBER = _NUMBER.format("000")
"""Where a contents entry's page number goes: as wide as the widest number, so the first printing, which finds the
numbers, lays the contents out as the second, which prints them, will."""


def numbered(edition_html: str, numbers: list[int]) -> str:
    """The edition with each contents entry's page number filled in, in order."""
    first, *rest = edition_html.split(PAGE_NUMBER)
    filled = (_NUMBER.format(n) + part for n, part in zip(numbers, rest, strict=True))
    return first + "".join(filled)


def page_numbers(pdf: Path, sections: int) -> list[int] | None:
    """The printed number of the sheet each page of the edition starts on, read from the PDF's bookmarks.

    Chromium bookmarks every heading; the top level holds the cover's title, then each page's title. None when
    the bookmarks do not line up with the pages, so that no wrong number is printed.
    """
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    top = [item for item in reader.outline if not isinstance(item, list)]
    sheets = [reader.get_destination_page_number(item) for item in top]
    if len(sheets) != sections + 1 or None in sheets:
        return None
    return [sheet + 1 for sheet in sheets[1:] if sheet is not None]


def _target(href: str, url: str, pages: set[str]) -> str:
    """A link of the page at `url` as it must read from the edition at the site's root."""
    if href.startswith(("http:", "https:", "mailto:")):
        return href
    if href.startswith("#"):
        return "#" + anchor(url, href[1:]) if href != "#" else "#" + anchor(url)
    resolved, fragment = urldefrag(urljoin("/" + url, href))
    path = resolved.lstrip("/")
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    if path in pages:
        return "#" + anchor(path, fragment)
    return str(PurePosixPath(path)) + (f"#{fragment}" if fragment else "")


def print_pdf(html: Path, pdf: Path) -> None:
    """Print the edition to PDF with a headless Chromium (Debian's, or HANDBOOK_CHROMIUM)."""
    from playwright.sync_api import sync_playwright

    executable = (
        os.environ.get("HANDBOOK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-headless-shell")
    )
    if executable is None:
        raise RuntimeError("no Chromium found: install Debian's chromium or set HANDBOOK_CHROMIUM")
    footer = '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span></div>'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.pdf(
                path=str(pdf),
                format="A4",
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()


def build_pdf(config: Path, out: Path, *, content: Path) -> bool:
    """Build the site, write its print edition and print it; `out` is replaced only by a complete PDF."""
    from generator.publish.build import build_site

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pdf.", dir=out.parent) as work:
        site = Path(work) / "site"
        if not build_site(config, site, content=content):
            return False
        from generator.publish.build import source_date_epoch

        date = editions.date_of(source_date_epoch(config.parent))
        first = edition(site, config, date=date, site_url=os.environ.get(editions.SITE_URL_VARIABLE) or None)
        (site / EDITION).write_text(first, encoding="utf-8")
        partial = Path(work) / out.name
        try:  # printed twice: the first printing tells on which sheet each page starts, the second prints that
            print_pdf(site / EDITION, partial)
            numbers = page_numbers(partial, first.count(PAGE_NUMBER))
            second = numbered(first, numbers) if numbers is not None else first.replace(PAGE_NUMBER, "")
            (site / EDITION).write_text(second, encoding="utf-8")
            print_pdf(site / EDITION, partial)
        except Exception as exc:  # Chromium missing or failing: say so, keep the old PDF
            print(f"handbook pdf: printing failed: {exc}", file=sys.stderr)
            return False
        os.replace(partial, out)
    return True
