"""Figures keep their context: years read as years, a currency is named once, tables sort by number."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content.models.careers import RoleSkill
from generator.content.models.evidence import Fact
from generator.pages.evidence import figure, importance, proficiency_cell, sort_key


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
    assert importance(entry) == "essential ≈ (2 sources)"
    assert [proficiency_cell(entry, level)["mark"] for level in ("junior", "senior", "principal")] == [" ✎", " ≈", ""]
    assert proficiency_cell(entry, "senior")["locator"] == "deep understanding of"
    assert proficiency_cell(entry, "staff")["value"] == ""
