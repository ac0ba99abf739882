"""Generated comparisons compare only what the sources record for both roles, and say what they cannot compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.checker import Content
from generator.content.validate import validate
from generator.pages.compare import pairs, reordered, too_thin
from generator.publish.render import render_pages
from tests.sitebuild import fixture_files

THIN = """\
# yaml-language-server: $schema=../../schema/role.schema.json
title: Data scientist
summary: Answers questions with data.
family: data
compare_with: [ml-engineer]
sources: [article]
"""

PARTLY = """\
# yaml-language-server: $schema=../../schema/role.schema.json
title: Data scientist
summary: Answers questions with data.
family: data
coverage: {skills: partial}
skills:
  - skill: statistics
    importance: essential
    importance_basis: editorial
    proficiency:
      - value: expert
        basis: editorial
compare_with: [ml-engineer]
sources: [article]
"""

STATISTICS = """\
# yaml-language-server: $schema=../../schema/skill.schema.json
name: Statistics
category: math-and-statistics
description: Reasoning about data and uncertainty.
sources: [article]
"""


def _render(make_content: Callable[..., Path], files: dict[str, str | None]) -> tuple[dict[str, str], Content]:
    root = make_content({**fixture_files(), **files})
    content, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == []
    return render_pages(content)[0], content


def test_a_role_the_sources_barely_describe_gets_no_comparison(make_content: Callable[..., Path]) -> None:
    pages, content = _render(make_content, {"roles/data-scientist.yaml": THIN})
    assert ("data-scientist", "ml-engineer") not in pairs(content)
    assert too_thin(content) == [("data-scientist", "ml-engineer")]
    assert "compare/data-scientist-vs-ml-engineer.md" not in pages
    role = pages["roles/data-scientist.md"]
    assert "The sources do not record this role's skills, responsibilities, tools" in role
    assert "which is not the same as nothing being needed" in role
    assert "Not compared with [Machine learning engineer]" in role
    assert "Not compared with [Data scientist]" in pages["roles/ml-engineer.md"]


def test_skills_listed_for_one_side_only_are_not_called_differences_when_the_other_is_partial(
    make_content: Callable[..., Path],
) -> None:
    pages, _ = _render(make_content, {"roles/data-scientist.yaml": PARTLY, "skills/statistics.yaml": STATISTICS})
    page = pages["compare/data-scientist-vs-ml-engineer.md"]
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert "### Listed for Machine learning engineer, not recorded for Data scientist" in headings
    assert "### Skills only Data scientist lists" in headings  # the ML engineer's skills are described in full
    assert "Skills only Machine learning engineer lists" not in page
    assert "only in part, so these are not known to be differences" in page
    # Responsibilities are recorded for the ML engineer only: not compared, and said so.
    assert "The sources do not record the responsibilities of [Data scientist]" in page


def test_a_computed_comparison_names_the_roles_the_way_round_its_curated_one_does(
    make_content: Callable[..., Path],
) -> None:
    asked_the_other_way = PARTLY.replace("compare_with: [ml-engineer]\n", "")
    files = {"roles/data-scientist.yaml": asked_the_other_way, "skills/statistics.yaml": STATISTICS}
    root = make_content({**fixture_files(), **files})
    role = root / "roles" / "ml-engineer.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("family:", "compare_with: [data-scientist]\nfamily:"))
    content, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == []
    assert ("data-scientist", "ml-engineer") in pairs(content)  # as the curated comparison has them
    assert reordered(content) == [
        ("compare/ml-engineer-vs-data-scientist.md", "compare/data-scientist-vs-ml-engineer.md")
    ]
    pages = {page.path: page for page in render_pages(content)[1]}
    computed, curated = (
        pages["compare/data-scientist-vs-ml-engineer.md"],
        pages["comparisons/data-scientist-vs-ml-engineer.md"],
    )
    assert computed.title == "Data scientist vs Machine learning engineer: skills and duties compared"
    assert curated.title.startswith("Data scientist vs")
    old = pages["compare/ml-engineer-vs-data-scientist.md"]  # the address it had: the browser is sent on
    assert old.retired and old.moved_to == "compare/data-scientist-vs-ml-engineer.md"
