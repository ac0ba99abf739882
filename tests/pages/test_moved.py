"""Retired entries keep their addresses: a renamed or merged one sends the reader on, a removed one says so."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.content.validate import validate
from generator.pages.moved import moved_pages
from generator.pages.site import Linker
from generator.publish.render import Renderer
from tests.browser.test_browser import heading
from tests.browser.test_planner_browser import guarded
from tests.content.test_retired import RETIRED


@pytest.fixture
def retired(make_content: Callable[..., Path]) -> dict[str, str]:
    """{page path: Markdown} of the moved pages made from the retired skills of tests/test_retired.py."""
    content, issues = validate(make_content({"retired/skills.yaml": RETIRED}))
    assert [str(issue) for issue in issues] == []
    renderer = Renderer(content)
    return {page.path: renderer.render(page) for page in moved_pages(content, Linker(content))}


def test_every_retired_id_of_a_kind_with_pages_keeps_its_address(retired: dict[str, str]) -> None:
    assert sorted(retired) == sorted(f"skills/{old}.md" for old in ("perl", "perl-6", "py", "python-3", "scripting"))


def test_a_renamed_or_merged_id_names_and_links_its_successor(retired: dict[str, str]) -> None:
    assert "# Moved: Python\n" in retired["skills/py.md"]
    assert "(`py`) is now [Python](<python.md>)" in retired["skills/py.md"]
    assert "(`scripting`) was merged into [Python](<python.md>)" in retired["skills/scripting.md"]
    for text in (retired["skills/py.md"], retired["skills/python-3.md"]):
        front = text.split("---\n")[1]
        assert '"moved_to": "skills/python.md"' in front.replace("moved_to: ", '"moved_to": ')


def test_a_removed_id_says_so_and_points_to_the_list_of_its_kind(retired: dict[str, str]) -> None:
    text = retired["skills/perl.md"]
    assert "# Removed skill\n" in text and "[Skills](<index.md>)" in text
    assert "moved_to" not in text


def test_moved_pages_stay_out_of_search_and_search_engines(retired: dict[str, str]) -> None:
    for text in retired.values():
        front = text.split("---\n")[1]
        assert 'search: {"exclude": true}' in front and "retired: true" in front


def test_a_retired_id_cannot_take_the_address_of_a_page_the_site_makes(make_content: Callable[..., Path]) -> None:
    retired = RETIRED.split("ids:")[0] + "ids:\n  - id: index\n    reason: removed\n"
    root = make_content({"retired/skills.yaml": retired})
    _, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == [
        "content/retired/skills.yaml:3:9: ids[0].id: 'index' is the name of the index page of every kind; choose another id"
    ]


# -- in the built offline copy, after 'python' was renamed 'python-language' and 'perl' removed -------------------


@pytest.mark.browser
def test_the_old_address_of_a_renamed_entry_sends_the_browser_on(
    browser: Browser, before_and_after: tuple[Path, Path]
) -> None:
    _, after = before_and_after
    with guarded(browser, after) as visit:
        page = visit.page
        assert page is not None
        for old in ("python", "python-programming"):  # renamed, and renamed to an id that was renamed again
            page.goto((after / "skills" / f"{old}.html").as_uri())
            page.wait_for_url("**/skills/python-language.html")
            assert heading(page) == "Python language"
        visit.assert_clean()


def test_old_addresses_are_marked_for_search_engines_and_left_out_of_search(
    before_and_after: tuple[Path, Path],
) -> None:
    _, after = before_and_after
    pages = {old: (after / "skills" / f"{old}.html").read_text(encoding="utf-8") for old in ("python", "perl")}
    assert '<meta http-equiv="refresh" content="0; url=python-language.html">' in pages["python"]
    assert "http-equiv" not in pages["perl"] and 'href="index.html"' in pages["perl"]
    for text in pages.values():
        assert '<meta name="robots" content="noindex">' in text
    live = (after / "skills" / "python-language.html").read_text(encoding="utf-8")
    assert "noindex" not in live and "http-equiv" not in live
    index = next((after / "search").glob("search_index.*")).read_text(encoding="utf-8")
    assert "skills/python-language.html" in index
    assert not re.search(r"skills/(python|perl|python-programming)\.html", index)
