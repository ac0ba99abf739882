"""The planner's embedded data: what it holds, its version, and that no text in it can end its script element."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.validate import validate
from generator.pages.markdown import safe_url
from generator.pages.planner import PLANNER_PAGE, planner_data, script_json
from generator.pages.site import Linker
from generator.publish.render import render_pages
from tests.conftest import base_files

CASE = Path(__file__).parents[1] / "cases" / "render"


@pytest.fixture
def fixture_files() -> dict[str, str]:
    return yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8"))


def data_of(make_content: Callable[..., Path], files: dict[str, str]) -> dict[str, Any]:
    content, issues = validate(make_content(files), display_root="content")
    assert [str(issue) for issue in issues] == []
    return planner_data(content, Linker(content))


def test_the_data_holds_each_goal_with_its_evidence(
    make_content: Callable[..., Path], fixture_files: dict[str, str]
) -> None:
    data = data_of(make_content, fixture_files)
    role = next(role for role in data["roles"] if role["id"] == "ml-engineer")
    assert role["href"] == "roles/ml-engineer.md" and role["levels"] == ["junior", "senior"]
    assert role["skills"] == [
        {
            "skill": "python",
            "importance": "essential",
            "importance_basis": "derived",
            "sources": 1,
            "targets": {
                "junior": {"value": "working", "basis": "editorial"},
                "senior": {"value": "expert", "basis": "derived"},
            },
        }
    ]
    variant = next(role for role in data["roles"] if role["id"] == "applied-ml-engineer")
    assert variant["levels"] == [] and variant["skills"][0]["targets"] == {
        "": {"value": "practitioner", "basis": "editorial"}
    }
    assert data["skills"]["python"] == {
        "name": "Python",
        "href": "skills/python.md",
        "levels": {},
        "phase": "foundations",
        "category": "Programming",
        "resources": [  # free ones first, whatever order the skill lists them in
            {
                "title": "The Python <Tutorial>",
                "url": "https://docs.example.org/3/tutorial/index.html",
                "format": "tutorial",
                "cost": "free",
            },
            {
                "title": "A paid Python book",
                "url": "https://books.example.org/python?edition=2",
                "format": "book",
                "cost": "paid",
            },
        ],
    }
    assert [phase["id"] for phase in data["phases"]] == [
        "foundations",
        "machine-learning",
        "production",
        "collaboration",
    ]
    assert [level["id"] for level in data["scale"]] == ["awareness", "working", "practitioner", "expert"]
    assert data["scale"][1]["definition"] == "Uses it on routine tasks with some help."
    assert data["moves"] == [
        {
            "id": "junior-to-senior",
            "title": "Junior to Senior",
            "href": "moves/junior-to-senior.md",
            "kind": "promotion",
            "from_role": "ml-engineer",
            "from_level": "junior",
            "to_role": "ml-engineer",
            "to_level": "senior",
            "priorities": ["python"],
        }
    ]
    assert data["retired"]["skills"] == {
        "python-programming": {"reason": "renamed", "successor": "python"},
        "scripting": {"reason": "merged", "successor": "python"},
        "perl": {"reason": "removed", "successor": None},
    }
    assert data["retired"]["roles"] == {}


def test_the_version_changes_with_what_the_planner_shows_and_only_with_that(
    make_content: Callable[..., Path], fixture_files: dict[str, str]
) -> None:
    version = data_of(make_content, fixture_files)["version"]
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert data_of(make_content, fixture_files)["version"] == version
    python = fixture_files["skills/python.yaml"].replace("name: Python", "name: Python 3")
    renamed = {**fixture_files, "skills/python.yaml": python}
    assert data_of(make_content, renamed)["version"] != version
    noted = {**fixture_files, "sources/article.yaml": base_files()["sources/article.yaml"] + "notes: Read twice.\n"}
    assert data_of(make_content, noted)["version"] == version  # a source's notes are not in the planner


@pytest.mark.parametrize(
    "text", ['</script><script>alert("x")</script>', "<!-- a", "a & b", "<\u2028>", 'quote " and \\ backslash']
)
def test_no_text_can_end_or_open_a_tag_in_the_data_script(text: str) -> None:
    data = {"skills": {"x": {"name": text}}, "roles": [text]}
    encoded = script_json(data)
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == data


def test_only_the_planner_page_loads_the_planner(
    make_content: Callable[..., Path], fixture_files: dict[str, str]
) -> None:
    content, _ = validate(make_content(fixture_files), display_root="content")
    pages = render_pages(content)[0]
    loading = sorted(path for path, text in pages.items() if "planner.js" in text)
    assert loading == [PLANNER_PAGE]
    assert pages[PLANNER_PAGE].count('<script type="application/json" id="planner-data">') == 1
    assert "{ #planner-scale-link }" in pages[PLANNER_PAGE]  # the script learns the link style from this link


def test_a_relative_link_keeps_its_query_and_a_script_address_is_still_refused() -> None:
    assert (
        safe_url("../planner/index.md?to=ml-engineer&level=senior") == "../planner/index.md?to=ml-engineer&level=senior"
    )
    assert safe_url("javascript:alert(1)?a=b") is None
    assert safe_url("//example.org/?a=b") is None
