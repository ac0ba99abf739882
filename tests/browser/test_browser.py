"""The offline copy works in a real Chromium from file://: no network, no script errors, search, tables, graph, a11y.

Drives Debian's Chromium through Playwright's sync API (never a downloaded browser). Every request that is not
file: is aborted and counted, and each test asserts that none happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Request, Route, WebSocketRoute
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artefacts" / "screenshots"
TIMEOUT_MS = 15_000
SERIOUS = {"serious", "critical"}


@dataclass
class Visit:
    """One browser context on the offline copy, with every non-file: request blocked and recorded."""

    root: Path
    page: Page | None = None
    external: list[str] = field(default_factory=list)  # blocked by the router
    requested: list[str] = field(default_factory=list)  # any non-local request the browser reported
    local: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, relative: str) -> Page:
        assert self.page is not None
        self.page.goto((self.root / relative).as_uri(), wait_until="load")
        self.page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=TIMEOUT_MS)
        return self.page

    def assert_clean(self) -> None:
        assert not self.external, f"requests outside file:// were made (and blocked): {self.external}"
        assert not self.requested, f"requests outside file:// were made: {self.requested}"
        assert not self.errors, "console errors / page errors:\n" + "\n".join(self.errors)


@pytest.fixture
def visit(browser: Browser, offline_site: Path) -> Iterator[Visit]:
    record = Visit(offline_site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme == "file":
            record.local.append(url)
            route.continue_()
        else:
            record.external.append(f"{route.request.resource_type} {url}")
            route.abort()

    def guard_socket(socket: WebSocketRoute) -> None:
        record.external.append(f"websocket {socket.url}")
        socket.close()

    def seen(request: Request) -> None:  # a second net, in case something bypasses the router
        if urlsplit(request.url).scheme not in ("file", "data", "blob", "about"):
            record.requested.append(f"{request.resource_type} {request.url}")

    context.route("**/*", guard)
    context.route_web_socket("**/*", guard_socket)
    context.on("request", seen)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.errors.append(f"console.error: {message.text} ({message.location.get('url', '')})")

    record.page = context.new_page()
    record.page.on("console", console)
    record.page.on("pageerror", lambda error: record.errors.append(f"pageerror: {error}"))
    yield record
    context.close()


def heading(page: Page) -> str:
    """The page's h1 text without the permalink mark."""
    return page.evaluate(
        """() => { const h1 = document.querySelector('article h1').cloneNode(true);
                   h1.querySelectorAll('.headerlink').forEach(e => e.remove());
                   return h1.textContent.trim(); }"""
    )


# Resolves once the page has neither scrolled nor changed its address or height for half a second. The theme writes
# the section in view into the address as the page scrolls, and blocks below the first section are laid out only
# as they near the screen, so a link brought into view by a click can still move, or have its navigation replaced
# by the theme's, for a moment after.
SETTLED = """() => new Promise(resolve => {
  let last = "", since = performance.now();
  const tick = () => {
    const now = [scrollX, scrollY, location.href, document.documentElement.scrollHeight].join(" ");
    if (now !== last) { last = now; since = performance.now(); }
    if (performance.now() - since >= 500) resolve(true); else setTimeout(tick, 50);
  };
  tick();
})"""


def follow(page: Page, link: Locator) -> None:
    """Click a link as a reader does, once it is on screen and still, and wait for the page it leads to."""
    link.scroll_into_view_if_needed()
    page.evaluate(SETTLED)
    target = link.evaluate("a => a.href").split("#")[0]
    with page.expect_navigation(url=lambda url: url.split("#")[0] == target):
        link.click()
    page.wait_for_load_state("load")


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000
    return target


def search_skill() -> tuple[str, str]:
    """(id, name) of content/skills/python.yaml if present, else of the first skill file."""
    files = sorted((REPO / "content" / "skills").glob("*.yaml"))
    assert files, "no skills in content/skills"
    chosen = next((file for file in files if file.stem == "python"), files[0])
    return chosen.stem, yaml.safe_load(chosen.read_text(encoding="utf-8"))["name"]


# -- the request guard itself -----------------------------------------------------------------------------------


def test_request_guard_blocks_and_counts_external_requests(visit: Visit) -> None:
    page = visit.open("index.html")
    assert any(url.endswith("/index.html") for url in visit.local)  # file: requests do pass through the router
    page.evaluate(
        """() => { new Image().src = 'https://example.invalid/pixel.png';
                   fetch('http://example.invalid/data').catch(() => {});
                   try { new WebSocket('wss://example.invalid/socket'); } catch (e) {} }"""
    )
    page.wait_for_timeout(500)
    blocked = "\n".join(visit.external)
    for url in ("https://example.invalid/pixel.png", "http://example.invalid/data", "wss://example.invalid/socket"):
        assert url in blocked, visit.external


# -- pages ------------------------------------------------------------------------------------------------------


def test_home_page_loads_offline_without_errors(visit: Visit) -> None:
    page = visit.open("index.html")
    assert page.title() == "ML Engineering Handbook"
    assert page.locator("article h1").is_visible()
    # Material's style sheet and script both ran from file://.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.locator("input.md-search__input").count() == 1
    visit.assert_clean()


def test_search_finds_a_skill_and_opens_its_page(visit: Visit, offline_site: Path) -> None:
    skill_id, name = search_skill()
    page = visit.open("index.html")
    page.keyboard.press("/")
    field_ = page.locator("input.md-search__input")
    assert page.evaluate("document.activeElement && document.activeElement.matches('input.md-search__input')")
    field_.press_sequentially(name, delay=10)  # Material reacts to key events, not to a programmatic fill
    results = page.locator(".md-search-result__item")
    try:
        results.first.wait_for(state="visible")
    except PlaywrightTimeout:
        meta = page.locator(".md-search-result__meta").inner_text()
        pytest.fail(f"no search results for {name!r}; the search box says {meta!r}")
    expected = offline_site / "skills" / f"{skill_id}.html"
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    hrefs = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    matching = [i for i, href in enumerate(hrefs) if Path(unquote(urlsplit(href).path)) == expected]
    assert matching, f"no result links to {expected}; results: {hrefs}"
    follow(page, links.nth(matching[0]))
    assert Path(unquote(urlsplit(page.url).path)) == expected
    assert heading(page) == name
    visit.assert_clean()


def test_curated_comparison_shows_its_table(visit: Visit) -> None:
    page = visit.open("comparisons/data-scientist-vs-ml-engineer.html")
    table = page.locator("article table").first
    assert table.is_visible()
    rows = table.locator("tbody tr")
    assert rows.count() >= 5
    assert all(rows.nth(index).is_visible() for index in range(rows.count()))
    box = table.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    visit.assert_clean()


def test_career_paths_shows_the_graph_and_its_table(visit: Visit) -> None:
    page = visit.open("career-paths.html")
    graph = page.locator("figure.career-graph svg")
    assert graph.count() == 1
    assert graph.is_visible()
    box = graph.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    assert graph.locator("rect").count() > 0
    assert graph.get_attribute("aria-hidden") == "true", "the drawing is decoration: its links and the table carry it"
    labels = [text.strip() for text in page.locator("figure.career-graph .graph-node").all_inner_texts()]
    assert labels and all(labels), labels
    moves = page.locator("figure.career-graph .graph-move a").count()
    table = page.locator("article table").first
    assert table.is_visible()
    assert table.locator("tbody tr").count() == moves, "the table lists every move the graph draws"
    screenshot(page, "career-paths")
    visit.assert_clean()


# -- accessibility ----------------------------------------------------------------------------------------------

A11Y_PAGES = {
    "home": "index.html",
    "role-ml-engineer": "roles/ml-engineer.html",
    "skill": f"skills/{search_skill()[0]}.html",
    "comparison-data-scientist-vs-ml-engineer": "comparisons/data-scientist-vs-ml-engineer.html",
    "hiring": "hiring/index.html",
}


# axe's default `preload` re-reads the page's style sheets with XMLHttpRequest (for css-orientation-lock only);
# Chromium refuses XHR between file:// URLs, which would log console errors that are axe's, not the site's.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    targets = "; ".join(" ".join(map(str, node.get("target", []))) for node in nodes[:5])
    more = f" (+{len(nodes) - 5} more)" if len(nodes) > 5 else ""
    first = nodes[0] if nodes else {}
    why = " / ".join(check["message"] for check in first.get("any", []) + first.get("all", []) + first.get("none", []))
    return f"- {violation['id']} ({violation['impact']}): {violation['help']} [{targets}{more}] {why}"


@pytest.mark.parametrize("name", sorted(A11Y_PAGES))
def test_no_serious_accessibility_violations(visit: Visit, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = visit.open(A11Y_PAGES[name])
    screenshot(page, name)
    results = Axe().run(page, options=AXE_OPTIONS)  # injects the package's bundled axe.min.js: no download
    assert results.response["testEngine"]["name"] == "axe-core"
    serious = [violation for violation in results.response["violations"] if violation["impact"] in SERIOUS]
    assert not serious, f"{A11Y_PAGES[name]}:\n" + "\n".join(describe(violation) for violation in serious)
    visit.assert_clean()  # axe itself fetched nothing


# -- abbreviation tooltips --------------------------------------------------------------------------------------


def test_abbreviation_tooltips_work_by_keyboard_mouse_and_touch(browser: Browser, offline_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto((offline_site / "roles" / "ml-engineer.html").as_uri(), wait_until="load")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    first = page.locator("article abbr").first  # every abbreviation has a title until it is used
    expansion = first.get_attribute("title")
    assert expansion
    first.wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('article abbr').tabIndex === 0")  # once idle
    tip = page.locator("#handbook-tooltip")

    first.focus()  # keyboard
    assert tip.is_visible() and tip.text_content() == expansion
    assert first.get_attribute("title") is None  # no second, native tooltip
    assert first.get_attribute("data-expansion") == expansion
    assert first.get_attribute("aria-describedby") == "handbook-tooltip"
    page.keyboard.press("Escape")
    assert not tip.is_visible()

    first.scroll_into_view_if_needed()
    first.tap()  # touch: a tap opens it, a second tap closes it
    assert tip.is_visible() and tip.text_content() == expansion
    box, viewport = tip.bounding_box(), page.viewport_size
    assert box is not None and viewport is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "abbreviation-tooltip-phone.png"))
    first.tap()
    assert not tip.is_visible()

    page.mouse.move(0, 0)
    first.hover()  # mouse
    assert tip.is_visible()
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    assert not tip.is_visible()
    context.close()


def test_facts_sort_by_number_not_by_text(visit: Visit) -> None:
    page = visit.open("facts/index.html")
    table = page.locator("article table").first
    headers = [text.strip() for text in table.locator("th").all_inner_texts()]
    column = headers.index("Value")
    table.locator("th").nth(column).click()
    values = [
        float(v)
        for v in table.locator(f"tbody tr td:nth-child({column + 1})").evaluate_all(
            "cells => cells.map(cell => cell.getAttribute('data-sort'))"
        )
    ]
    assert len(values) >= 3
    assert values in (sorted(values), sorted(values, reverse=True)), values  # as text, 1000000 sorts before 98000
    visit.assert_clean()
