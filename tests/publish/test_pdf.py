"""The printed handbook: one PDF with contents, every role and every figure; an edition whose links all resolve."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.content.models.evidence import Fact
from generator.content.validate import validate
from generator.pages.evidence import figure
from generator.publish.editions import PDF_TITLE, pdf_date
from generator.publish.printbook import PAGE_NUMBER, anchor, edition, numbered, order, page_numbers, page_url
from tests.conftest import find_chromium
from tests.sitebuild import REPO, handbook

pytestmark = pytest.mark.slow


def _squeezed(text: str) -> str:
    """Text without whitespace: a PDF breaks lines wherever the page needs, even after a dash."""
    return re.sub(r"\s+", "", text)


def test_the_edition_holds_every_page_once_and_every_link_inside_it_resolves(built_site: Path) -> None:
    page = BeautifulSoup(edition(built_site, REPO / "mkdocs.yml"), "html.parser")
    sections = page.select("section.print-page")
    built = {
        "" if p.parent == built_site else p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if p.relative_to(built_site).parts[0] not in ("assets", "search")
        and '<meta name="robots" content="noindex">' not in p.read_text(encoding="utf-8")  # a retired entry's address
    }
    assert len(sections) == len(built) > 100
    ids = {str(element["id"]) for element in page.find_all(id=True)}
    assert len(ids) == len(page.find_all(id=True)), "ids are unique across pages"
    broken = sorted(
        {
            str(a["href"])
            for a in page.find_all("a", href=True)
            if str(a["href"]).startswith("#") and str(a["href"])[1:] not in ids
        }
    )
    assert broken == []
    assert not page.select("a.headerlink, .md-header, .md-sidebar, script")
    contents = [a.get_text() for a in page.select("nav.print-toc a")]
    assert contents[:2] == ["ML Engineering Handbook", "Roles"] and len(contents) == len(sections)


def test_the_cover_gives_the_edition_and_the_address_and_the_planner_points_to_them(built_site: Path) -> None:
    page = BeautifulSoup(
        edition(built_site, REPO / "mkdocs.yml", date="2025-12-04", site_url="https://example.org/handbook/"),
        "html.parser",
    )
    assert page.title is not None and page.title.get_text() == PDF_TITLE.format(date="2025-12-04")
    cover = page.select_one("section.print-cover")
    assert cover is not None
    assert "Edition of 2025-12-04." in cover.get_text() and "https://example.org/handbook/" in cover.get_text()
    planner = page.select_one(f"#{anchor('planner/')}")
    assert planner is not None and not planner.select("#planner, .planner")  # nothing that prints empty
    assert "https://example.org/handbook/planner/" in planner.select_one(".print-pointer").get_text()
    contents = [a.get_text() for a in page.select("nav.print-toc a")]
    assert "Exploratory data analysis (EDA)" in contents
    assert not [title for title in contents if "( " in title or " )" in title]


def test_pages_follow_the_navigation_with_each_index_before_its_pages(built_site: Path) -> None:
    urls = order(built_site, [page_url(path) for path in ("index.md", "roles/index.md", "faq.md")])
    roles = [url for url in urls if url.startswith("roles/")]
    assert urls[0] == "" and urls[1] == "roles/" and urls[1 : 1 + len(roles)] == roles
    assert urls[1 + len(roles)] == "faq/"


@pytest.mark.browser
def test_make_pdf_prints_every_role_and_every_figure(tmp_path: Path) -> None:
    if find_chromium() is None:
        message = "Chromium not found; install Debian's chromium to print the PDF"
        if os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (HANDBOOK_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    out = tmp_path / "handbook.pdf"
    result = handbook("pdf", "--config", str(REPO / "mkdocs.yml"), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) > 50
    assert pdf_date(out) is not None and f"Edition of {pdf_date(out)}." in (reader.pages[0].extract_text() or "")
    assert len(reader.outline) > 100, "the PDF carries its contents as bookmarks"
    text = _squeezed(" ".join(page.extract_text() or "" for page in reader.pages))
    content, _ = validate(REPO / "content")
    missing = [role.title for role in content.entities["roles"].values() if _squeezed(role.title) not in text]
    missing += [
        f"{fact_id}: {figure(fact)}"
        for fact_id, fact in content.entities["facts"].items()
        if isinstance(fact, Fact) and _squeezed(figure(fact)) not in text
    ]
    assert missing == []
    assert _squeezed("Contents") in text
    pages = [_squeezed(page.extract_text() or "") for page in reader.pages]
    entries = [
        (title, int(number))
        for page in reader.pages[1:8]
        for _, title, number in re.findall(r"^(\d+)\. (.+) (\d+)$", page.extract_text() or "", re.M)
    ]
    assert len(entries) > 150, "the contents list gives each page's number"
    wrong = [(title, number) for title, number in entries if _squeezed(title) not in pages[number - 1]]
    assert wrong == [], "a contents entry names a page its title is not on"


def test_page_numbers_fill_the_contents_in_order_and_must_all_be_there() -> None:
    edition_html = f"<ol><li>a{PAGE_NUMBER}</li><li>b{PAGE_NUMBER}</li></ol>"
    assert numbered(edition_html, [3, 12]) == (
        '<ol><li>a<span class="print-toc__page">3</span></li><li>b<span class="print-toc__page">12</span></li></ol>'
    )
    with pytest.raises(ValueError):
        numbered(edition_html, [3])


def test_page_numbers_come_from_the_top_bookmarks_or_not_at_all(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(6):
        writer.add_blank_page(width=200, height=200)
    cover = writer.add_outline_item(title="Cover", page_number=0)
    writer.add_outline_item(title="Contents", page_number=1, parent=cover)  # an h2, nested as Chromium nests it
    writer.add_outline_item(title="Roles", page_number=2)
    writer.add_outline_item(title="Skills", page_number=4)
    pdf = tmp_path / "edition.pdf"
    with pdf.open("wb") as out:
        writer.write(out)
    assert page_numbers(pdf, 2) == [3, 5], "printed numbers count from 1"
    assert page_numbers(pdf, 3) is None, "bookmarks that do not line up with the pages give no numbers"
