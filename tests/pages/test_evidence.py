"""Figures keep their context: years read as years, a currency is named once, tables sort by number."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content.models.careers import RoleSkill
from generator.content.models.evidence import Fact
from generator.pages.evidence import MEANINGS, figure, importance, mark, proficiency_cell, sort_key


def text(html: str) -> str:
    """What a reader sees of a fragment of HTML."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text()


def fact(**fields: Any) -> Fact:
    base = {
        "statement": "A figure",
        "metric": "salary",
        "value": 1.0,
        "unit": "per year",
        "region": "United States",
        "period": "not stated",
        "role": "ml-engineer",
        "source": "article",
    }
    return Fact.model_validate(base | fields)


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"value": {"min": 2018.0, "max": 2019.0}, "unit": "year", "metric": "demand"}, "2018–2019"),
        ({"value": 2018.0, "unit": "year", "metric": "demand"}, "2018"),
        (
            {"value": 98000.0, "unit": "dollars, pay period not stated", "currency": "USD"},
            "USD 98,000 (pay period not stated)",
        ),
        ({"value": 146085.0, "unit": "dollars", "currency": "USD"}, "USD 146,085"),
        ({"value": 1000000.0, "unit": "per year", "currency": "INR"}, "INR 1,000,000 per year"),
        ({"value": {"min": 105000.0, "max": 160000.0}, "currency": "USD"}, "USD 105,000–160,000 per year"),
        ({"value": 2.5, "unit": "times"}, "2.5 times"),
    ],
)
def test_figures_read_as_written(fields: dict[str, Any], shown: str) -> None:
    assert figure(fact(**fields)) == shown


def test_tables_sort_by_the_lower_end_of_a_range() -> None:
    assert sort_key(fact(value={"min": 105000.0, "max": 160000.0})) == 105000.0


def test_every_judgement_shows_its_basis_and_the_number_of_sources() -> None:
    entry = RoleSkill.model_validate(
        {
            "skill": "python",
            "importance": "essential",
            "importance_basis": "derived",
            "importance_locator": "mandatory skills",
            "proficiency": [
                {"level": "junior", "value": "working", "basis": "editorial"},
                {"level": "senior", "value": "expert", "basis": "derived", "locator": "deep understanding of"},
                {"level": "principal", "value": "expert", "basis": "stated"},
            ],
            "sources": ["a", "b"],
        }
    )
    assert text(importance(entry)) == "essential ≈ (2 sources)"
    marks = [proficiency_cell(entry, level)["mark"] for level in ("junior", "senior", "principal")]
    assert [text(found) for found in marks] == [" ✎", " ≈", ""]
    assert proficiency_cell(entry, "senior")["locator"] == "deep understanding of"
    assert proficiency_cell(entry, "staff")["value"] == ""


@pytest.mark.parametrize("basis", ["derived", "editorial"])
def test_a_mark_explains_itself_on_hover_focus_touch_and_to_a_screen_reader(basis: str) -> None:
    from bs4 import BeautifulSoup

    found = BeautifulSoup(mark(basis), "html.parser").find_all(True)
    assert len(found) == 1 and found[0].name == "abbr"  # tooltips.js opens an abbreviation's title on all three
    element = found[0]
    assert element["title"] == element["aria-label"] == MEANINGS[basis]
    assert element["role"] == "img"  # a name on a plain abbr is one axe cannot vouch for; on an image it is its name


def test_a_value_a_source_states_carries_no_mark() -> None:
    assert mark("stated") == ""
