"""What is due for review: aged figures and sources not read for a year, as located warnings that never fail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.freshness import due
from generator.content.validate import validate

FILES = {
    "sources/official.yaml": (
        "title: Official page\nkind: official-statistics\ndate: not stated\n"
        "url: https://example.org/official\naccessed: 2025-01-10\n"
    ),
    "facts/old-wage.yaml": (
        "statement: A wage\nmetric: salary\nvalue: 100\nunit: per year\ncurrency: USD\nregion: United States\n"
        "period: May 2022\nrole: ml-engineer\nsource: official\n"
    ),
    "facts/projection.yaml": (
        "statement: A projection\nmetric: demand\nvalue: 10\nunit: percent\nregion: United States\n"
        "period: 2022–2032\nrole: ml-engineer\nsource: official\n"
    ),
    "facts/recent.yaml": (
        "statement: A recent figure\nmetric: demand\nvalue: 5\nunit: percent\nregion: United States\n"
        "period: '2025'\nrole: ml-engineer\nsource: official\n"
    ),
}


@pytest.fixture
def root(make_content: Callable[..., Path]) -> Path:
    return make_content(FILES)


def test_aged_figures_and_old_readings_are_located_warnings(root: Path) -> None:
    content, issues = validate(root)
    assert not [issue for issue in issues if issue.severity == "error"], issues
    found = {(item.kind, item.id): item.issue for item in due(content, dt.date(2026, 12, 4))}
    assert set(found) >= {("facts", "old-wage"), ("facts", "projection"), ("sources", "official")}
    assert ("facts", "recent") not in found
    wage = found[("facts", "old-wage")]
    assert (wage.line, wage.col, wage.severity) == (7, 9, "warning")
    assert "4 years old" in wage.message and "'May 2022'" in wage.message
    assert "4 years old" in found[("facts", "projection")].message, "a projection is as old as its base year"
    reading = found[("sources", "official")]
    assert reading.line == 5 and "last read 693 days ago" in reading.message


def test_nothing_is_due_on_the_day_the_sources_were_read(root: Path) -> None:
    content, _ = validate(root)
    assert {item.id for item in due(content, dt.date(2024, 1, 1))} == set()


def test_the_command_prints_warnings_and_never_fails(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(root.parent)
    assert main(["freshness", "--today", "2026-12-04", "content"]) == 0
    out = capsys.readouterr().out
    assert "content/facts/old-wage.yaml:7:9: period: due for review" in out
    assert out.rstrip().endswith("Due for review on 2026-12-04: 3 in 3 files.")
    assert main(["freshness", "--today", "someday", "content"]) == 2


def test_the_real_content_lists_what_is_due_on_the_review_page() -> None:
    from generator.publish.render import render_pages

    content, _ = validate(Path(__file__).resolve().parents[2] / "content")
    rendered, _ = render_pages(content)
    page = rendered["review.md"]
    assert "bls-software-developers-median-wage-may-2023" in page, "a 2023 figure is due by the last reading day"
