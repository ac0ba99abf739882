"""The evidence the handbook rests on: addressed sources, today's production work, and official figures.

These check the real content and the real built site (the `built_site` fixture), so a later edit that drops a
topic, a citation or the official figures fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
PRIMARY_KINDS = {"official-statistics", "skills-framework", "primary-literature", "documentation"}
"""Kinds that count as official: statistics, frameworks, primary literature, and a tool's own (official) documentation,
which is where every tool's description must come from."""

SEARCH_TERMS = ["MLOps", "Kubernetes", "Docker", "SQL", "experiment tracking", "model monitoring", "drift", "LLM"]


def _sources() -> dict[str, dict[str, object]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (CONTENT / "sources").glob("*.yaml")
    }


def test_at_least_twelve_addressed_sources_half_of_them_official_framework_or_primary() -> None:
    addressed = {sid: source for sid, source in _sources().items() if source.get("url")}
    assert len(addressed) >= 12, sorted(addressed)
    primary = [sid for sid, source in addressed.items() if source.get("kind") in PRIMARY_KINDS]
    assert 2 * len(primary) >= len(addressed), f"only {len(primary)} of {len(addressed)}: {sorted(primary)}"
    assert all(source.get("accessed") for source in addressed.values())


def test_every_source_states_its_kind() -> None:
    assert [sid for sid, source in _sources().items() if "kind" not in source] == []


@pytest.mark.parametrize("term", SEARCH_TERMS)
def test_site_search_finds_a_cited_page_for_each_topic_of_todays_work(built_site: Path, term: str) -> None:
    """A search for the term finds a page's body that names it, and that page lists its sources."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages_with_sources = {doc["location"].split("#")[0] for doc in docs if doc["location"].endswith("#sources")}
    hits = {
        doc["location"].split("#")[0]
        for doc in docs
        if re.search(rf"\b{re.escape(term)}", doc["title"] + " " + doc["text"], re.IGNORECASE)
    }
    assert hits & pages_with_sources, f"no cited page found by searching for {term!r}"


def test_facts_page_shows_an_official_wage_with_its_reference_year_beside_the_articles(built_site: Path) -> None:
    html = (built_site / "facts" / "index.html").read_text(encoding="utf-8")
    salaries = html.split('id="salaries"', 1)[1].split("<h2", 1)[0]
    assert re.search(r"Median annual wage of \w+ \w+ in (May )?20\d\d \(official statistics\)", salaries)
    assert "103,500" in salaries or "103500" in salaries
    assert "146,085" in salaries or "146085" in salaries, "the articles' figures sit in the same table"
