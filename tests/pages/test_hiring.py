"""The hiring page's view: every level described and placed, outlines drawn by the stated rule, gaps named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.checker import Content
from generator.content.models.careers import Level, Role
from generator.content.models.levelling import DIMENSION_NAMES
from generator.content.validate import validate
from generator.pages.evidence import Evidence
from generator.pages.hiring import MUST_HAVES, Hiring
from generator.pages.priority import ordered
from generator.pages.site import Linker

REPO = Path(__file__).resolve().parents[2]
CASE = Path(__file__).parents[1] / "cases" / "render"


@pytest.fixture(scope="module")
def real() -> Content:
    content, issues = validate(REPO / "content", display_root="content")
    assert not [issue for issue in issues if issue.severity == "error"]
    return content


def view_of(content: Content) -> dict[str, Any]:
    link = Linker(content)
    return Hiring(content, link, Evidence(content, link)).page().view


def test_every_level_of_the_ml_engineer_is_described_on_every_dimension_and_placed_in_sfia_and_the_uk(
    real: Content,
) -> None:
    role = real.entities["roles"]["ml-engineer"]
    assert isinstance(role, Role) and role.levels
    for level_id in role.levels:
        level = real.entities["levels"][level_id]
        assert isinstance(level, Level)
        dimensions = {item.dimension for item in level.dimensions}
        assert dimensions == set(DIMENSION_NAMES), f"{level_id}: {sorted(set(DIMENSION_NAMES) - dimensions)}"
        for item in level.dimensions:
            assert item.basis == "editorial" or item.sources, f"{level_id}.{item.dimension} cites nothing"
        frameworks = {mapping.framework for mapping in level.mappings}
        assert {"sfia-9", "uk-government-ml-engineer"} <= frameworks, level_id
        assert all(mapping.rationale for mapping in level.mappings), level_id
        assert level.purpose and level.look_for, level_id


def test_an_outline_lists_at_most_eight_essential_skills_in_the_priority_order(real: Content) -> None:
    view = view_of(real)
    role = real.entities["roles"]["ml-engineer"]
    assert isinstance(role, Role)
    outlines = next(item for item in view["roles"] if item["id"] == "ml-engineer")["outlines"]
    assert [outline["anchor"] for outline in outlines] == [f"outline-ml-engineer-{lid}" for lid in role.levels]
    link = Linker(real)
    for level_id, outline in zip(role.levels, outlines, strict=True):
        names = [ref["ref"].text for ref in outline["skills"]]
        assert 0 < len(names) <= MUST_HAVES
        essential = [
            link.title("skills", entry.skill)
            for entry in ordered(role, level_id, lambda sid: link.title("skills", sid))
            if entry.importance == "essential"
        ]
        assert names == essential[: len(names)], "the first essential skills, in the order priority.py gives"
        text = outline["lines"]
        assert text[0] == link.title("levels", level_id)
        must = text.index(next(line for line in text if line.startswith("Must-have skills")))
        assert [line.split(":")[0][2:] for line in text[must + 1 : must + 1 + len(names)]] == names
        assert all("\n" not in line for line in text), "each line of the plain text is one line"


def test_a_level_without_its_own_pay_points_to_the_official_figures(real: Content) -> None:
    view = view_of(real)
    levels = next(item for item in view["roles"] if item["id"] == "ml-engineer")["levels"]
    outlines = next(item for item in view["roles"] if item["id"] == "ml-engineer")["outlines"]
    assert view["official"], "the official occupation figures the handbook records"
    for card, outline in zip(levels, outlines, strict=True):
        pay = next(line for line in outline["lines"] if line.startswith("Pay: "))
        if card["pay"]:
            assert card["pay"][0]["value"] in pay
        else:
            assert "no reliable figure" in pay and view["official"][0]["value"] in pay


@pytest.fixture
def fixture_files() -> dict[str, str]:
    return yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8"))


def test_framework_levels_no_handbook_level_maps_to_are_named(
    make_content: Callable[..., Path], fixture_files: dict[str, str]
) -> None:
    content, issues = validate(make_content(fixture_files), display_root="content")
    assert [str(issue) for issue in issues if issue.severity == "error"] == []
    view = view_of(content)
    assert [(item["framework"].text, item["levels"]) for item in view["uncovered"]] == [("Example", ["L1", "L2"])]
    section = view["frameworks"][0]
    assert [[ref.text for ref in row["handbook"]] for row in section["rows"]] == [[], [], ["Senior"]]
    card = next(item for item in view["roles"][0]["levels"] if item["id"] == "senior")
    assert [place["levels"] for place in card["places"]] == [["L3 Senior"]]
    junior = next(item for item in view["roles"][0]["levels"] if item["id"] == "junior")
    assert [cell["text"] for cell in junior["cells"]] == [""] * len(DIMENSION_NAMES), "shown as not recorded"
    assert not junior["places"][0]["mapped"]


def test_sources_are_numbered_in_the_order_they_are_first_cited(
    make_content: Callable[..., Path], fixture_files: dict[str, str]
) -> None:
    fixture_files["levels/senior.yaml"] = fixture_files["levels/senior.yaml"].replace(
        "{dimension: scope, text: Whole projects., basis: stated, sources: [article]}",
        "{dimension: scope, text: Whole projects., basis: stated, sources: [classification, article]}",
    )
    content, _ = validate(make_content(fixture_files), display_root="content")
    view = view_of(content)
    assert [(item["n"], item["ref"].text) for item in view["cited"]] == [
        (1, "An occupational classification's page"),
        (2, "An article"),
    ]
    scope = next(item for item in view["roles"][0]["levels"] if item["id"] == "senior")["cells"][0]
    assert scope["cites"] == [{"n": 1, "href": "#cited-1"}, {"n": 2, "href": "#cited-2"}]
