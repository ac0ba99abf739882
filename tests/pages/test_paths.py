"""Learning paths over the real content: short and phased, targets mostly from the sources, two resources or more
beside every priority, free ones first, and nothing a starting role brings presented as a gap."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator.content.checker import Content
from generator.content.models.careers import Role, Transition
from generator.content.models.learning import COST_ORDER, PHASE_NAMES, Resource
from generator.content.validate import validate
from generator.pages.paths import PER_PHASE, PRIORITIES, RULE, plan
from generator.pages.resources import Resources
from generator.publish.render import render_pages

CONTENT = Path(__file__).resolve().parents[2] / "content"


@cache
def content() -> Content:
    found, issues = validate(CONTENT)
    assert not [issue for issue in issues if issue.severity == "error"]
    return found


@cache
def rendered() -> dict[str, str]:
    return render_pages(content())[0]


def moves() -> list[str]:
    return sorted(content().entities["transitions"])


@pytest.mark.parametrize("move_id", moves())
def test_a_path_is_short_phased_and_mostly_backed_by_the_sources(move_id: str) -> None:
    move = content().entities["transitions"][move_id]
    assert isinstance(move, Transition)
    found = plan(content(), move)
    assert 0 < len(found.priorities) <= PRIORITIES
    phases = found.phases()
    assert len(phases) <= len(PHASE_NAMES)
    assert all(len(steps) <= PER_PHASE for _, steps in phases)
    order = list(PHASE_NAMES)
    assert [order.index(phase) for phase, _ in phases] == sorted(order.index(phase) for phase, _ in phases)
    assert found.editorial() * 2 < len(found.priorities), "half or more of the targets are the handbook's own"
    assert not {step.skill for step in found.priorities} & set(found.traits), "a trait is not a learning item"
    assert all(step.status != "brings" for step in found.priorities + found.also)


@pytest.mark.parametrize("move_id", moves())
def test_every_priority_has_two_resources_or_more_free_ones_first(move_id: str) -> None:
    move = content().entities["transitions"][move_id]
    assert isinstance(move, Transition)
    resources = Resources(content())
    for step in plan(content(), move).priorities:
        ids = resources.ids(step.skill)
        assert len(ids) >= 2, f"{move_id}: {step.skill} has {len(ids)} resources"
        costs = [COST_ORDER.index(getattr(content().entities["resources"][rid], "cost", "")) for rid in ids]
        assert costs == sorted(costs), f"{step.skill}: free resources come first"
        for rid in ids:
            resource = content().entities["resources"][rid]
            assert isinstance(resource, Resource) and resource.url.startswith("https://")


@pytest.mark.parametrize("move_id", moves())
def test_the_page_opens_with_its_priorities_and_says_its_rule_share_and_route(move_id: str) -> None:
    move = content().entities["transitions"][move_id]
    assert isinstance(move, Transition)
    text = rendered()[f"moves/{move_id}.md"]
    body = text.split("\n---\n", 1)[-1]
    sections = [line for line in body.splitlines() if line.startswith("## ")]
    assert sections[0] == "## Your priorities", "the priorities come first"
    assert RULE.split(":")[0] in text
    found = plan(content(), move)
    share = round(100 * found.editorial() / len(found.priorities))
    assert re.search(rf"the handbook's own judgement <abbr class=\"basis-mark\"[^>]*>✎</abbr> \({share} %\)", text)
    if move.route_sources:
        assert "Described by [" in text
    else:
        assert "No source the handbook has read describes this route" in text


def test_the_software_engineer_is_not_told_to_learn_what_a_developer_brings() -> None:
    move = content().entities["transitions"]["software-engineer-to-ml-engineer"]
    assert isinstance(move, Transition)
    found = plan(content(), move)
    gaps = {step.skill for step in found.priorities + found.also}
    brought = {"debugging", "software-engineering-principles", "data-structures-and-algorithms", "programming"}
    assert not gaps & brought
    assert brought <= {step.skill for step in found.brings}
    assert "solid-programmer" in found.traits


@pytest.mark.parametrize("start", ["data-analyst", "data-engineer", "student", "software-engineer", "data-scientist"])
def test_every_common_starting_point_has_a_path_into_the_role(start: str) -> None:
    into = [
        move_id
        for move_id, move in content().entities["transitions"].items()
        if isinstance(move, Transition) and move.from_role == start and move.to_role == "ml-engineer"
    ]
    assert len(into) == 1, start
    role = content().entities["roles"][start]
    assert isinstance(role, Role)
    home = rendered()["index.md"]
    assert f"(moves/{into[0]}.md)" in home, "the home page links to the path"
