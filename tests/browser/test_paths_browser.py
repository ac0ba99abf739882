"""Reader paths in a real Chromium (the offline copy, from file://): the front page's paths, the first screen of
the ML engineer's page, the career-move pages and the career graph, at desktop width and on a 390 px phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from generator.content.models.work import STAGE_NAMES
from tests.browser.test_browser import follow

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    return dict(request.param)


@pytest.fixture
def page(browser: Browser, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def open_page(page: Page, site: Path, relative: str) -> Page:
    page.goto((site / relative).as_uri(), wait_until="load")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    return page


def yaml_of(kind: str, entity_id: str) -> dict:
    return yaml.safe_load((CONTENT / kind / f"{entity_id}.yaml").read_text(encoding="utf-8"))


def priorities(page: Page) -> list[str]:
    """The skill names of the path's priorities, in the order the page lists them."""
    return page.locator("#your-priorities ~ ol > li > strong > a").all_inner_texts()


def test_a_software_engineer_reaches_a_short_phased_path_in_one_click(page: Page, offline_site: Path) -> None:
    open_page(page, offline_site, "index.html")
    card = page.locator("article .grid.cards li", has_text="Switching from Software Engineer")
    assert card.count() == 1
    follow(page, card.get_by_role("link", name="Your learning path"))
    assert page.url.endswith("moves/software-engineer-to-ml-engineer.html")
    headings = [text.strip() for text in page.locator("article h2, article h3").all_inner_texts()]
    assert headings[0].startswith("Your priorities"), "the page opens with its priorities"
    phases = [text for text in headings if text[:2] in ("1.", "2.", "3.", "4.")]
    assert 3 <= len(phases) <= 4, phases
    named = priorities(page)
    assert 0 < len(named) <= 12
    for brought in ("Debugging", "Software engineering principles", "Data structures and algorithms", "Programming"):
        assert brought not in named, f"a software engineer is told to learn {brought}"
    folded = page.locator("details.path-more", has_text="You likely have these already")
    assert folded.count() == 1 and not folded.evaluate("d => d.open")
    assert "Debugging" in (folded.text_content() or "")
    for item in page.locator("#your-priorities ~ ol > li").all():
        learn = item.locator("a[href^='https://']")
        assert learn.count() >= 2, item.inner_text()
    assert re.search(
        r"\d+ of the \d+ targets to reach (is|are) the handbook's own judgement ✎ \(\d+ %\)", page.inner_text("article")
    )
    assert page.get_by_text("How the list is made:").count() == 1


@pytest.mark.parametrize("who", ["Data Analyst", "Data Engineer", "Data Scientist", "Software Engineer"])
def test_each_career_changer_reaches_their_path_in_one_click(page: Page, offline_site: Path, who: str) -> None:
    open_page(page, offline_site, "index.html")
    card = page.locator("article .grid.cards li", has_text=f"Switching from {who}")
    assert card.count() == 1, who
    follow(page, card.get_by_role("link", name="Your learning path"))
    assert page.locator("article h1").inner_text().startswith(who)
    assert 0 < len(priorities(page)) <= 12


def test_a_student_reaches_the_first_job_path_from_the_starting_out_card(page: Page, offline_site: Path) -> None:
    open_page(page, offline_site, "index.html")
    card = page.locator("article .grid.cards li", has_text="Starting out")
    follow(page, card.get_by_role("link", name="Your learning path"))
    assert page.url.endswith("moves/student-to-junior-ml-engineer.html")
    assert 0 < len(priorities(page)) <= 12
    assert page.get_by_text('every priority says "check yourself"').count() == 1


def test_every_path_on_the_front_page_opens_a_page(page: Page, offline_site: Path) -> None:
    open_page(page, offline_site, "index.html")
    cards = page.locator("article .grid.cards li")
    titles = [text.split("\n")[0] for text in cards.all_inner_texts()]
    assert any(title.startswith("Switching from Data Scientist") for title in titles), titles
    assert any(title.startswith("Starting out") for title in titles), titles
    assert any(title.startswith("Hiring") for title in titles), titles
    for href in page.locator("article .grid.cards a").evaluate_all("links => links.map(a => a.href)"):
        target = Path(href.split("#")[0].removeprefix("file://"))
        assert target.is_file(), href


def test_the_ml_engineer_page_answers_in_its_first_screen(browser: Browser, offline_site: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = open_page(context.new_page(), offline_site, "roles/ml-engineer.html")
    fold = DESKTOP["height"]

    def on_first_screen(selector: str) -> None:
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= fold, selector

    on_first_screen("article h1 ~ p.role-lead")  # what the role is
    on_first_screen("#at-a-glance-pay")
    on_first_screen("#at-a-glance-skills")
    figure = page.locator("#at-a-glance-pay + ul > li").first
    text = figure.inner_text()
    assert "published" in text and "per " in text, text  # as of when, per whom
    assert figure.locator("a[href*='facts']").count() == 1
    box = figure.bounding_box()
    assert box is not None and box["y"] + box["height"] <= fold
    levels = page.locator("#at-a-glance-skills ~ ul > li")
    assert levels.count() == len(yaml_of("roles", "ml-engineer")["levels"])
    last = levels.last.bounding_box()
    assert last is not None and last["y"] + last["height"] <= fold, "the top skills of every level fit"
    stages = page.locator("#responsibilities ~ h3").all_inner_texts()
    stages = [
        name.strip().rstrip("¶").strip() for name in stages if name.strip().rstrip("¶").strip() in STAGE_NAMES.values()
    ]
    order = list(STAGE_NAMES.values())
    assert stages and [order.index(name) for name in stages] == sorted(order.index(name) for name in stages)
    context.close()


def test_every_career_move_has_a_page(offline_site: Path) -> None:
    for path in sorted((CONTENT / "transitions").glob("*.yaml")):
        assert (offline_site / "moves" / f"{path.stem}.html").is_file(), path.stem


def test_the_career_graph_is_readable_and_its_nodes_are_links_and_a_phone_gets_the_table(
    page: Page, offline_site: Path
) -> None:
    open_page(page, offline_site, "career-paths.html")
    figure = page.locator("figure.career-graph")
    table = page.locator("article table").first
    if page.viewport_size and page.viewport_size["width"] < 500:  # too wide for a phone, and mostly empty there
        assert not figure.is_visible() and page.locator(".career-graph-narrow").is_visible()
        transitions = len(list((CONTENT / "transitions").glob("*.yaml")))
        assert table.locator("tbody tr").count() == transitions, "the table lists every move instead"
        return
    nodes = page.locator("figure.career-graph .graph-node")
    moves = page.locator("figure.career-graph .graph-move")
    assert nodes.count() >= 5
    assert moves.count() == len(list((CONTENT / "transitions").glob("*.yaml")))
    sizes = page.locator("figure.career-graph .graph-node a, figure.career-graph .graph-move a").evaluate_all(
        "links => links.map(a => { const canvas = a.closest('.career-graph-canvas'); "
        "return parseFloat(getComputedStyle(a).fontSize) * canvas.getBoundingClientRect().width / canvas.offsetWidth; })"
    )
    assert sizes and min(sizes) >= 12, f"a graph label renders at {min(sizes)} px"
    for href in nodes.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert "/roles/" in href or "/ladder/" in href, href
        assert Path(href.split("#")[0].removeprefix("file://")).is_file(), href
    for href in moves.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert "/moves/" in href and Path(href.removeprefix("file://")).is_file(), href
    assert figure.evaluate("f => f.scrollWidth <= f.clientWidth"), "on a desktop screen the whole graph shows"
    assert figure.get_attribute("tabindex") == "0", "on a narrower screen it scrolls, also from the keyboard"
    assert table.locator("tbody tr").count() == moves.count(), "the table lists the same moves"
