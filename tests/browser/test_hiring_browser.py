"""The hiring page in a real Chromium (the offline copy, from file://), at desktop width and on a 390 px phone: one
click from the front page, levels side by side by dimension on a wide screen and one card at a time on a phone, and
job outlines that copy as plain text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_browser import follow

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
HIRING = "hiring/index.html"


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


# Each card's title and cells as boxes, per levels grid: what a reader sees of the levels side by side.
CARDS = """() => Array.from(document.querySelectorAll('article .levels-grid')).map(grid =>
  Array.from(grid.querySelectorAll('.level-card')).map(card => {
    const box = element => { const r = element.getBoundingClientRect();
      return {left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
              width: r.width, height: r.height}; };
    return {card: box(card), title: card.querySelector('h3').textContent.trim(),
            cells: Array.from(card.querySelectorAll('.level-cell')).map(box)};
  }))"""


def test_the_front_page_hiring_card_leads_to_the_hiring_page_in_one_click(page: Page, offline_site: Path) -> None:
    open_page(page, offline_site, "index.html")
    card = page.locator("article .grid.cards li", has_text="Hiring or managing ML engineers")
    assert card.count() == 1
    follow(page, card.get_by_role("link", name="Hiring and levelling"))
    assert page.url.endswith(HIRING)
    assert page.locator("article h1").inner_text().strip() == "Hiring and levelling"


def test_the_levels_sit_side_by_side_on_a_wide_screen_and_one_after_another_on_a_phone(
    page: Page, offline_site: Path, viewport: dict[str, int]
) -> None:
    open_page(page, offline_site, HIRING)
    grids = page.evaluate(CARDS)
    assert grids and all(len(cards) >= 3 for cards in grids), "the ML engineer's levels, each as a card"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "nothing scrolls sideways"
    for cards in grids:
        titles = [card["title"] for card in cards]
        assert all(title.startswith(("Junior", "Senior", "Principal")) for title in titles[:3]), titles
        for card in cards:  # every level wholly on the screen's width: none is cut off or hidden
            assert card["card"]["left"] >= 0 and card["card"]["right"] <= viewport["width"] + 1, card["title"]
            assert card["card"]["width"] > 0 and card["card"]["height"] > 0
        if viewport["width"] >= 1000:
            assert len({round(card["card"]["top"]) for card in cards}) == 1, "the cards start on one line"
            lefts = [card["card"]["left"] for card in cards]
            assert lefts == sorted(lefts) and len(set(lefts)) == len(cards), "side by side, in rank order"
            for row in range(len(cards[0]["cells"])):  # each dimension on one row across the levels
                tops = {round(card["cells"][row]["top"]) for card in cards}
                assert len(tops) == 1, f"row {row + 1} is not aligned across the levels: {tops}"
        else:
            assert len({round(card["card"]["left"]) for card in cards}) == 1, "one column of cards"
            for upper, lower in itertools.pairwise(cards):
                assert lower["card"]["top"] >= upper["card"]["bottom"] - 1, "one card after another"
            assert cards[0]["card"]["width"] >= viewport["width"] * 0.8, "a card takes the phone's width"


def test_each_outline_copies_as_plain_text_with_at_most_eight_must_haves(
    page: Page, offline_site: Path, viewport: dict[str, int]
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, offline_site, HIRING)
    blocks = page.locator("article .job-outline pre code")
    assert blocks.count() >= 3
    for index in range(blocks.count()):
        text = blocks.nth(index).inner_text()
        lines = text.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Must-have skills"))
        skills = []
        for line in lines[start + 1 :]:
            if not line.startswith("- "):
                break
            skills.append(line)
        assert 1 <= len(skills) <= 8, skills
        assert all(": " in line for line in skills), "each skill with its proficiency"
        assert any(line.startswith("Purpose: ") for line in lines) and any(line.startswith("Pay: ") for line in lines)
        assert "<" not in text and "](" not in text, "plain text, no markup"
    button = page.locator("article button[data-copy]").first
    assert button.is_visible(), "the script shows the copy button"
    box = button.bounding_box()
    assert box is not None and box["x"] + box["width"] <= viewport["width"]
    button.click()
    status = page.locator("article .job-outline__status").first
    page.wait_for_function("element => element.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text() == "Copied to the clipboard."
    assert page.evaluate("navigator.clipboard.readText()") == blocks.first.evaluate("element => element.textContent")


def test_the_copy_button_still_copies_where_the_clipboard_api_is_missing(page: Page, offline_site: Path) -> None:
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
    open_page(page, offline_site, HIRING)
    page.locator("article button[data-copy]").nth(1).click()
    status = page.locator("article .job-outline__status").nth(1)
    page.wait_for_function("element => element.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text() in (
        "Copied to the clipboard.",
        "Your browser refused to copy: the outline is selected, press Ctrl+C or ⌘C.",
    )
    if status.inner_text().startswith("Your browser refused"):
        selected = page.evaluate("String(window.getSelection())")
        assert selected.startswith("Senior"), "the outline is selected for the reader to copy"
