"""The built site says what it knows, how, and where the sources disagree (on the real content, parsed as HTML)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.content.models.base import PROFICIENCY_ORDER
from generator.pages.site import Linker
from tests.sitebuild import REPO

pytestmark = pytest.mark.slow

CONTENT = REPO / "content"


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    found = []
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article")
        if article is not None:
            found.append((path.relative_to(site).as_posix(), article))
    return found


def cells(table: Tag) -> list[str]:
    return [cell.get_text(" ", strip=True) for cell in table.select("td")]


def is_proficiency_table(table: Tag) -> bool:
    words = re.compile(r"^(?:" + "|".join(PROFICIENCY_ORDER) + r")(?: [≈✎])?$")
    return any(words.match(text) for text in cells(table))


def test_every_proficiency_table_links_to_the_scale(built_site: Path) -> None:
    checked = 0
    for name, article in pages(built_site):
        tables = [table for table in article.select("table") if is_proficiency_table(table)]
        if not tables:
            continue
        checked += 1
        hrefs = [str(a.get("href", "")) for a in article.select("a")]
        assert any(re.search(r"(^|/)scale/(#.*)?$", href) for href in hrefs), name
    assert checked >= 3  # role pages, skill pages and the ladder at least


def test_the_scale_page_defines_every_level(built_site: Path) -> None:
    article = dict(pages(built_site))["scale/index.html"]
    assert [h2.get("id") for h2 in article.select("h2")][: len(PROFICIENCY_ORDER)] == list(PROFICIENCY_ORDER)
    for level in PROFICIENCY_ORDER:
        section = article.select_one(f"h2#{level}")
        assert section is not None and section.find_next("ul") is not None, level


def test_no_figure_loses_its_form_or_context(built_site: Path) -> None:
    for name, article in pages(built_site):
        text = article.get_text(" ", strip=True)
        assert not re.search(r"\b[12],[0-9]{3}\s*[–-]\s*[12],[0-9]{3}\b", text), f"{name}: a year range with separators"
        for table in article.select("table"):
            headers = [th.get_text(strip=True) for th in table.select("th")]
            if "Period" not in headers:
                continue
            for row in table.select("tbody tr"):
                values = dict(zip(headers, [td.get_text(" ", strip=True) for td in row.select("td")], strict=False))
                assert values["Period"] and values["Published"], f"{name}: {values}"
                assert not re.search(
                    r"\b(USD|INR|EUR|GBP)\b.*\b(dollars?|rupees?|euros?|pounds?)\b", values["Value"]
                ), f"{name}: the currency is named twice in {values['Value']!r}"
                assert row.select_one("td data[value]") is not None, f"{name}: a value that cannot sort as a number"


def section_links(article: Tag, anchor: str | None) -> list[str]:
    """The links of a whole page, of the table row an anchor is in, or of the section an anchored heading opens."""
    if anchor is None:
        return [str(a.get("href", "")) for a in article.select("a")]
    element = article.find(id=anchor)
    assert isinstance(element, Tag), anchor
    row = element.find_parent("tr")
    if row is not None:
        return [str(a.get("href", "")) for a in row.select("a")]
    links = []
    for following in element.find_all_next():
        if following.name == element.name:
            break
        if following.name == "a":
            links.append(str(following.get("href", "")))
    return links


def test_every_disagreement_shows_next_to_what_it_concerns(built_site: Path) -> None:
    disputes = sorted(path for path in (CONTENT / "disputes").glob("*.yaml"))
    assert len(disputes) >= 3
    for path in disputes:
        dispute = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = f"disputes/#{path.stem}"
        listing = dict(pages(built_site))["disputes/index.html"]
        assert listing.select_one(f"h2#{path.stem}") is not None
        for mention in dispute["mentions"]:
            page, anchor = Linker.location(mention["kind"], mention["id"])
            html = page.removesuffix(".md").removesuffix("index").rstrip("/")
            html = f"{html}/index.html" if html else "index.html"
            article = dict(pages(built_site))[html]
            links = section_links(article, anchor)
            assert any(href.endswith(target) for href in links), f"{html}#{anchor or ''} does not show {path.stem}"
