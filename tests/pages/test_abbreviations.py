"""On the built site, each page defines exactly the abbreviations it shows, and each still gets its tooltip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.content.models.evidence import Term
from generator.content.validate import validate
from generator.publish.render import render_pages
from tests.sitebuild import REPO

pytestmark = pytest.mark.slow

DEFINITION = re.compile(r"^\*\[(.+?)\]: ", re.MULTILINE)


def html_file(site: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def test_each_page_defines_exactly_the_abbreviations_it_shows(built_site: Path) -> None:
    content, _ = validate(REPO / "content")
    expansions = {
        str(term.abbreviation): term.expansion
        for term in content.entities["terms"].values()
        if isinstance(term, Term) and term.abbreviation
    }
    rendered, _ = render_pages(content)
    mismatched, shown = [], 0
    for page, text in rendered.items():
        defined = set(DEFINITION.findall(text))
        soup = BeautifulSoup(html_file(built_site, page).read_text(encoding="utf-8"), "html.parser")
        # the basis marks (≈, ✎) are abbr elements too, which test_first_screen checks
        abbreviations = [abbr for abbr in soup.find_all("abbr") if "basis-mark" not in (abbr.get("class") or [])]
        tooltips = {(abbr.get_text(), abbr.get("title")) for abbr in abbreviations}
        if {short for short, _ in tooltips} != defined or any(expansions[s] != title for s, title in tooltips):
            mismatched.append(page)
        shown += len(tooltips)
    assert mismatched == []
    assert shown > 100  # the glossary's abbreviations do occur across the site
