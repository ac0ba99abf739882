"""Every figure says how old it is, and a role's figures lead with official statistics (real content)."""

from __future__ import annotations

import re

from generator.content.checker import Content
from generator.content.models.evidence import Fact
from generator.content.models.sources import Source
from generator.pages.evidence import age
from tests.pages.conftest import pay_block


def _glance_pay(page: str) -> list[str]:
    return [line for line in pay_block(page).splitlines() if line.startswith("- **")]


def test_the_ml_engineer_glance_leads_with_official_figures_and_never_with_rupees(rendered: dict[str, str]) -> None:
    pay = _glance_pay(rendered["roles/ml-engineer.md"])
    assert pay, "the ML engineer page shows no pay figures at a glance"
    assert "Bureau of Labor Statistics" in pay[0] or "(official statistics)" in pay[0], pay[0]
    assert not pay[0].startswith("- **INR"), pay[0]
    assert any("United States" in line and "data year not given" in line for line in pay), (
        "an article's figure for the same region as the official one should stand beside it"
    )


def test_every_glance_figure_says_its_region_and_age(rendered: dict[str, str]) -> None:
    undated = re.compile(r"(article|source) (published [0-9]{4}|undated); data year not given")
    for path, text in rendered.items():
        if "{ #at-a-glance-pay }" not in text:
            continue
        for line in _glance_pay(text):
            context = line.split(". ", 1)[1]
            assert undated.search(context) or re.search(r"[0-9]{4}", context.split(";")[0]), (path, line)


def test_the_ml_engineer_page_lists_the_official_figures_of_related_occupations(rendered: dict[str, str]) -> None:
    page = rendered["roles/ml-engineer.md"]
    assert "{ #official-figures }" in page
    section = page.split("{ #official-figures }", 1)[1].split("\n## ", 1)[0]
    assert "data scientist" in section.lower() and "software engineer" in section.lower()


def test_the_age_of_an_undated_article_figure_names_the_year_it_appeared(content: Content) -> None:
    facts = content.entities["facts"]
    sources = content.entities["sources"]
    fact = facts["india-average-salary-10-lakh"]
    assert isinstance(fact, Fact)
    source = sources[fact.source]
    assert isinstance(source, Source)
    assert age(fact.period, source) == "article published 2024; data year not given"
    official = facts["bls-software-developers-median-wage-may-2023"]
    assert isinstance(official, Fact)
    official_source = sources[official.source]
    assert isinstance(official_source, Source)
    assert age(official.period, official_source) == "May 2023"


def test_no_page_prints_a_raw_fact_reference(rendered: dict[str, str]) -> None:
    """A disagreement that quotes a figure shows the figure with its age, never '{fact:ID}' (escaped or not)."""
    explained = {"data/index.md"}  # the Data page explains the reference syntax to data users
    raw = [
        path for path, text in rendered.items() if path not in explained and ("{fact:" in text or "&#123;fact:" in text)
    ]
    assert raw == [], raw
    assert "USD 154,000 per year" in rendered["disputes.md"]
