"""What a reader sees first, on a phone (390×844) and a desktop (1366×900): the answers, marks they can read, no
covered headers, no blank band; and axe finds nothing on the key pages at either width.

Drives Debian's Chromium over the built site (served as a host would), as tests/browser/test_reader.py does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page

from audit.serve import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 15_000
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
ROLES = {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted((REPO / "content/roles").glob("*.yaml"))}
SERIOUS = {"serious", "critical"}
MARKS = "≈✎"


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    server = Server(built_site)
    yield server.url
    server.close()


def open_page(browser: Browser, url: str, size: str, scheme: str = "light") -> Page:
    width, height = SIZES[size]
    phone = size == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, color_scheme=scheme
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-tables-ready')")
    return page


def on_first_screen(page: Page, element: Locator) -> bool:
    """Whether the element lies wholly inside the viewport as the page opens (nothing scrolled)."""
    box, viewport = element.bounding_box(), page.viewport_size
    assert box is not None and viewport is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] and box["width"] > 0


def words(text: str) -> int:
    return len(text.split())


# -- the first screen answers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role_id", sorted(ROLES))
def test_a_role_page_opens_with_what_it_is_what_it_pays_and_a_way_there(
    browser: Browser, served: str, role_id: str, size: str
) -> None:
    page = open_page(browser, f"{served}roles/{role_id}/", size)
    lead = page.locator("article p.role-lead")
    assert " ".join(lead.inner_text().split()) == " ".join(ROLES[role_id]["short"].split())
    assert words(lead.inner_text()) <= 30 and on_first_screen(page, lead), f"{role_id}: the definition"
    pay = page.locator("article #at-a-glance-pay")
    first = pay.locator("xpath=following-sibling::*[1]")  # the first figure's list
    if "pay-stand-in" in (first.get_attribute("class") or ""):  # whose figures these are, when not the role's own
        assert "These are the figures of the" in first.inner_text() and first.locator("a").count()
        first = pay.locator("xpath=following-sibling::*[2]")
    assert first.evaluate("e => e.tagName") == "UL", f"{role_id}: no pay figure, {first.inner_text()!r}"
    figure = first.locator("li").first
    text = figure.inner_text()
    assert on_first_screen(page, pay) and on_first_screen(page, figure), f"{role_id}: the pay, {text!r}"
    # a figure: its value, its entry on Facts, a date and a source
    assert figure.locator("strong").count() and figure.locator("a[href*='facts/#']").count(), text
    assert re.search(r"\b(19|20)\d\d\b", text) and re.search(r"\bper\b", text), f"{role_id}: undated, {text!r}"
    ways = page.locator("article p.role-ways a")
    hrefs = [ways.nth(index).get_attribute("href") or "" for index in range(ways.count())]
    paths = [i for i, href in enumerate(hrefs) if re.search(r"moves/|#education-and-backgrounds|career-paths/", href)]
    assert paths and on_first_screen(page, ways.nth(paths[0])), f"{role_id}: no way there on the first screen"
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_home_page_opens_with_the_job_its_pay_and_the_paths_into_it(
    browser: Browser, served: str, size: str
) -> None:
    page = open_page(browser, served, size)
    brief = page.locator("article .home-brief")
    job = brief.locator("p", has_text="The job:")
    assert " ".join(ROLES["ml-engineer"]["short"].split()) in " ".join(job.inner_text().split())
    assert words(ROLES["ml-engineer"]["short"]) <= 30 and on_first_screen(page, job)
    pay = brief.locator("p", has_text="What it pays:")
    text = pay.inner_text()
    assert on_first_screen(page, pay), text
    assert pay.locator("strong").count() >= 2 and pay.locator("a[href*='facts/#']").count(), text
    assert re.search(r"\b(19|20)\d\d\b", text) and re.search(r"\bper\b", text), f"undated or unsourced: {text!r}"
    moves = brief.locator("p.role-ways a[href*='moves/']")
    assert moves.count() >= 1 and on_first_screen(page, moves.first), "no path into the job on the first screen"
    page.context.close()


# -- marks -------------------------------------------------------------------------------------------------------

MARKED_PAGES = [
    "roles/ml-engineer/",
    "skills/programming/",
    "ladder/",
    "compare/data-scientist-vs-ml-engineer/",
    "moves/software-engineer-to-ml-engineer/",
]
EXPLAINED = re.compile(r"source's wording|judgement|own (definition|explanation)|handbook's choice")


def test_every_mark_on_every_page_explains_itself_in_place(built_site: Path) -> None:
    """Each ≈ and ✎ is a mark that names its meaning, or stands in a sentence that says it in words."""
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for mark in article.select("abbr.basis-mark"):
            assert mark.get("role") == "img" and mark.get("title") and mark.get("title") == mark.get("aria-label")
            checked += 1
        for text in article.find_all(string=re.compile(f"[{MARKS}]")):
            if text.find_parent("abbr", class_="basis-mark") is not None:
                continue
            block = text.find_parent(["p", "li", "td", "th", "dd", "figcaption"])
            said = block.get_text(" ", strip=True) if block is not None else str(text)
            assert EXPLAINED.search(said), f"{path.relative_to(built_site)}: a bare mark in {said[:120]!r}"
    assert checked > 500


@pytest.mark.parametrize("path", [path for path in MARKED_PAGES if not path.startswith("moves/")])
def test_the_key_to_the_marks_comes_before_the_first_table_that_uses_them(built_site: Path, path: str) -> None:
    article = BeautifulSoup((built_site / path / "index.html").read_text("utf-8"), "html.parser").select_one("article")
    assert article is not None
    table = next(table for table in article.select("table") if table.select("abbr.basis-mark"))
    key = article.select_one("p.basis-key")
    assert key is not None and "≈" in key.get_text() and "✎" in key.get_text()
    assert key.sourceline is not None and table.sourceline is not None and key.sourceline < table.sourceline


@pytest.mark.parametrize("size", SIZES)
def test_a_mark_tells_its_meaning_on_focus_hover_and_touch(browser: Browser, served: str, size: str) -> None:
    page = open_page(browser, served + "roles/ml-engineer/", size)
    mark = page.locator("article abbr.basis-mark").first
    meaning = mark.get_attribute("aria-label")
    assert meaning
    page.wait_for_function("() => document.querySelector('article abbr.basis-mark').tabIndex === 0")  # once idle
    tip = page.locator("#handbook-tooltip")
    mark.focus()
    assert tip.is_visible() and tip.text_content() == meaning
    page.keyboard.press("Escape")
    if size == "phone":
        mark.tap()
    else:
        page.mouse.move(0, 0)
        mark.hover()
    assert tip.is_visible() and tip.text_content() == meaning
    assert mark.get_attribute("aria-label") == meaning  # a screen reader hears the words, whatever the tooltip does
    page.context.close()


# -- nothing covers a table's header; no blank band under the map -------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_nothing_floats_over_a_table_header_after_scrolling_back_up(browser: Browser, served: str, size: str) -> None:
    page = open_page(browser, served + "comparisons/data-scientist-vs-ml-engineer/", size)
    row = page.locator("article table thead tr").first
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    # Just under the site's header, where the theme's floating button used to appear as the reader scrolled up.
    row.evaluate("tr => window.scrollTo(0, tr.getBoundingClientRect().top + scrollY - 60 + 120)")
    page.mouse.wheel(0, -120)
    page.wait_for_timeout(800)
    covered = row.evaluate(
        """tr => Array.from(tr.cells).flatMap(th => { const r = th.getBoundingClientRect();
                   return [0.25, 0.5, 0.75].map(at => document.elementFromPoint(r.left + r.width * at, r.top + r.height / 2))
                     .filter(found => found && !th.contains(found)).map(found => found.outerHTML.slice(0, 120)); })"""
    )
    assert covered == [], f"something covers the header: {covered}"
    assert page.locator(".md-top").count() == 0
    page.context.close()


def test_the_career_map_leaves_no_blank_band_on_a_phone(browser: Browser, served: str) -> None:
    page = open_page(browser, served + "career-paths/", "phone")
    assert not page.locator("figure.career-graph").is_visible()
    note = page.locator("article .career-graph-narrow")
    table = page.locator("article table").first
    note_box, table_box = note.bounding_box(), table.bounding_box()
    assert note_box is not None and table_box is not None
    assert table_box["y"] - (note_box["y"] + note_box["height"]) < 60, "a gap between the map's place and the table"
    page.context.close()
    page = open_page(browser, served + "career-paths/", "desktop")
    assert page.locator("figure.career-graph").is_visible() and not page.locator(".career-graph-narrow").is_visible()
    page.context.close()


# -- accessibility -----------------------------------------------------------------------------------------------

AXE_PAGES = [
    "",
    "roles/ml-engineer/",
    "roles/data-analyst/",
    "ladder/",
    "data/",
    "career-paths/",
    "compare/data-scientist-vs-ml-engineer/",
    "skills/programming/",
]


DARK_PAGES = ["", "roles/ml-engineer/", "roles/data-analyst/"]


@pytest.mark.parametrize(
    ("path", "size", "scheme"),
    [(path, size, "light") for path in AXE_PAGES for size in SIZES]
    + [(path, size, "dark") for path in DARK_PAGES for size in SIZES],
)
def test_axe_finds_nothing_serious_at_either_width(
    browser: Browser, served: str, path: str, size: str, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, served + path, size, scheme)
    # Blocks below a page's first section are painted only as they near the screen (content-visibility). axe scrolls
    # to each element and reads the colours at its place at once; on a busy machine the block was sometimes not yet
    # painted there, and a link read as unreadable that a reader, who sees it painted, can read. Paint it all first.
    page.add_style_tag(content=".md-typeset > * { content-visibility: visible !important; }")
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    found = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        + "; ".join(" ".join(map(str, node.get("target", []))) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]
    assert not found, f"{path or 'home'} at {size}, {scheme}:\n" + "\n".join(found)
    page.context.close()
