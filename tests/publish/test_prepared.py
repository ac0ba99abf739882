"""The prepared site is the same whether it was made in a forked process or in this one."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.content.validate import validate
from generator.publish import prepared
from generator.publish.render import attachments, render_pages

CASE = Path(__file__).parents[1] / "cases" / "render"


@pytest.fixture
def content_dir(make_content: Callable[..., Path]) -> Path:
    return make_content(yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8")))


def test_prepared_pages_are_the_rendered_pages_with_their_edit_sources(content_dir: Path) -> None:
    site = prepared.prepare(content_dir)
    rendered, pages = render_pages(validate(content_dir)[0])
    assert site.issues == []
    files = attachments(pages)
    assert files and all(path.startswith(("data/", "assets/javascripts/search-words.js")) for path in files)
    assert list(site.pages) == [*files, *rendered] and site.pages == {**files, **rendered}
    assert site.sources["roles/ml-engineer.md"] == "content/roles/ml-engineer.yaml"
    assert site.sources["index.md"] is None and site.sources["data/datapackage.json"] is None
    assert len(pages) + len(files) == len(site.pages)


def test_the_background_result_equals_the_one_made_here(content_dir: Path) -> None:
    prepared.start(content_dir)
    assert prepared.take(content_dir) == prepared.prepare(content_dir)


def test_a_background_failure_falls_back_to_preparing_here(content_dir: Path) -> None:
    prepared._background[content_dir.resolve()] = lambda: None
    assert prepared.take(content_dir) == prepared.prepare(content_dir)
    assert content_dir.resolve() not in prepared._background


def test_invalid_content_has_issues_and_no_pages(make_content: Callable[..., Path]) -> None:
    root = make_content({"skills/python.yaml": "name: [unclosed\n"})
    site = prepared.prepare(root)
    assert site.pages == {} and any("python.yaml" in str(issue) for issue in site.issues)


def test_the_cycle_collector_is_paused_only_while_the_pages_are_made() -> None:
    states: list[bool] = []
    assert gc.isenabled()
    with prepared.collected_after():
        states.append(gc.isenabled())
    assert states == [False] and gc.isenabled()
    with pytest.raises(RuntimeError), prepared.collected_after():
        raise RuntimeError("a page failed")
    assert gc.isenabled(), "the collector comes back even when making the pages fails"
    gc.disable()
    try:
        with prepared.collected_after():
            pass
        assert not gc.isenabled(), "a collector that was off before stays off"
    finally:
        gc.enable()
