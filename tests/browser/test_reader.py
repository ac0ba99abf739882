"""The site as a reader uses it, in a real Chromium: tables on a phone, the sidebar, and search that answers.

The online build is served over HTTP (compressed, as a host serves it), because site search runs in a web worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from audit.serve import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 15_000
PHONE_PAGES = [
    "roles/ml-engineer/",
    "roles/data-scientist/",
    "data/",
    "facts/",
    "ladder/",
    "hiring/",
    "skills/",
    "comparisons/data-scientist-vs-ml-engineer/",
    "compare/data-scientist-vs-ml-engineer/",
    "career-paths/",
]
CITATION = re.compile(r"^sources?$", re.IGNORECASE)


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    server = Server(built_site)
    yield server.url
    server.close()


def open_page(browser: Browser, url: str, *, width: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 844})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-tables-ready')")
    return page


# Blocks below a page's first section are laid out only near the screen (content-visibility), as they would be
# when a reader scrolls to them: bring each table to the screen once so that it is measured and gets its cue.
REVEAL = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const table of document.querySelectorAll('article table')) {
    table.scrollIntoView({block: 'center'});
    await frame();
  }
  window.scrollTo(0, 0);
  await frame();
}"""


# -- tables on a phone ------------------------------------------------------------------------------------------

TABLES = """() => Array.from(document.querySelectorAll('article table')).map((table, index) => {
  const region = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  const box = region.getBoundingClientRect();
  const hint = region.previousElementSibling;
  const headers = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
  const visible = element => { const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(element).visibility !== 'hidden'; };
  return {
    index, headers, matrix: !!table.closest('.skills-matrix'),
    tableWidth: table.getBoundingClientRect().width, regionWidth: region.clientWidth,
    scrolls: region.scrollWidth > region.clientWidth + 1,
    regionScrollsX: ['auto', 'scroll'].includes(getComputedStyle(region).overflowX),
    focusable: region.tabIndex >= 0,
    cue: !!(hint && hint.classList.contains('handbook-scroll-hint') && visible(hint) && /scroll/i.test(hint.textContent)),
    cells: Array.from(table.querySelectorAll('tbody tr')).map(row => Array.from(row.cells).map(cell => {
      const r = cell.getBoundingClientRect();
      return {left: r.left, right: r.right, width: r.width};
    })),
    regionLeft: box.left, regionRight: box.left + region.clientWidth,
  };
})"""


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_table_hides_columns_on_a_phone(browser: Browser, served: str, path: str) -> None:
    page = open_page(browser, served + path, width=390)
    page.evaluate(REVEAL)
    tables = page.evaluate(TABLES)
    assert tables, f"{path}: no table"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{path}: the page itself scrolls sideways"
    for table in tables:
        where = f"{path} table {table['index'] + 1} ({', '.join(table['headers'])})"
        if table["scrolls"]:  # only the skills matrix, a grid read across, may; every other table is cards
            assert table["matrix"], f"{where}: {table['tableWidth']:.0f} px wide in {table['regionWidth']} px"
            assert table["regionScrollsX"] and table["cue"] and table["focusable"], (
                f"{where}: {table['tableWidth']:.0f} px wide in {table['regionWidth']} px, without a visible, "
                "keyboard-reachable scroll cue"
            )
        cited = [i for i, header in enumerate(table["headers"]) if CITATION.match(header)]
        for column in cited:
            for row in table["cells"]:
                cell = row[column]
                assert cell["width"] > 0, f"{where}: a citation cell is not shown"
                assert table["regionLeft"] - 1 <= cell["left"] and cell["right"] <= table["regionRight"] + 1, (
                    f"{where}: a citation cell lies outside the visible area ({cell}, area "
                    f"{table['regionLeft']:.0f}-{table['regionRight']:.0f})"
                )
    page.context.close()


def test_a_scrolling_table_keeps_its_first_column_in_view(browser: Browser, served: str) -> None:
    page = open_page(browser, served + "skills/", width=390)
    page.evaluate(REVEAL)
    region = page.locator(".md-typeset__scrollwrap.handbook-scrolls").first
    region.scroll_into_view_if_needed()
    # Once on screen, the table is laid out in full (content-visibility): wait until it is wider than its region.
    page.wait_for_function(
        "() => { const e = document.querySelector('.md-typeset__scrollwrap.handbook-scrolls');"
        " return e.scrollWidth - e.clientWidth > 150; }"
    )
    first = region.locator("tbody tr td:first-child").first
    area = region.bounding_box()
    region.evaluate("element => { element.scrollLeft = 200; }")
    page.wait_for_timeout(100)
    assert region.evaluate("element => element.scrollLeft") > 100, "the table did not scroll"
    cell = first.bounding_box()
    assert area is not None and cell is not None
    assert area["x"] - 1 <= cell["x"] and cell["x"] + cell["width"] <= area["x"] + area["width"], (
        f"the first column scrolled away with the rest: {cell} in {area}"
    )
    page.context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_skills_matrix_keeps_its_header_row_and_skill_column_in_view(
    browser: Browser, served: str, width: int
) -> None:
    page = open_page(browser, served + "skills/", width=width)
    region = page.locator(".skills-matrix .md-typeset__scrollwrap")
    region.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const e = document.querySelector('.skills-matrix .md-typeset__scrollwrap');"
        " return e.scrollHeight > 2 * e.clientHeight && e.getAttribute('role') === 'region'; }"
    )
    assert (region.get_attribute("aria-label") or "").startswith("Roles and skills (table"), "named after its heading"
    assert region.evaluate("element => element.tabIndex") == 0, "reachable by keyboard, to scroll with the arrow keys"
    area = region.bounding_box()
    assert area is not None and area["height"] <= 0.8 * 844 + 1, "the box fits on the screen"
    region.evaluate(
        "element => { element.scrollTop = element.scrollHeight; element.scrollLeft = element.scrollWidth; }"
    )
    page.wait_for_timeout(100)
    assert region.evaluate("element => element.scrollTop") > 1000, "the table did not scroll down"
    shown = {
        "the corner header": region.locator("thead th").first,
        "the last role's header": region.locator("thead th").last,
        "the last skill": region.locator("tbody tr").last.locator("td").first,
    }
    for what, cell in shown.items():
        box = cell.bounding_box()
        assert box is not None
        inside = area["x"] - 1 <= box["x"] and box["x"] + box["width"] <= area["x"] + area["width"] + 1
        assert inside and area["y"] - 1 <= box["y"] and box["y"] + box["height"] <= area["y"] + area["height"] + 1, (
            f"{what} is out of view at the end of the matrix: {box} in {area}"
        )
    header = region.locator("thead th").first.bounding_box()
    assert header is not None and abs(header["y"] - area["y"]) <= 1, "the header row stays at the top of the box"
    page.context.close()


# -- the sidebar ------------------------------------------------------------------------------------------------


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split()).upper()


def test_every_index_page_is_in_the_sidebar_by_its_name(built_site: Path) -> None:
    """Every page that lists entities or gathers a topic (every index.md and every top-level page) is a link in
    the sidebar whose text is the page's own heading (or its initials, as in FAQ)."""
    generated = {path.parent.relative_to(built_site).as_posix() for path in built_site.glob("*/index.html")}
    generated |= {path.parent.relative_to(built_site).as_posix() for path in built_site.glob("*/*/index.html")}
    index_pages = sorted(
        folder
        for folder in generated
        if "/" not in folder
        and folder not in ("search", "assets", "compare")
        and 'content="noindex"' not in (built_site / folder / "index.html").read_text("utf-8")  # an old address
    )
    soup = BeautifulSoup((built_site / "roles" / "ml-engineer" / "index.html").read_text("utf-8"), "html.parser")
    sidebar = soup.select_one("nav.md-nav--primary")
    assert sidebar is not None
    links: dict[str, str] = {}
    for link in sidebar.select("a.md-nav__link[href]"):
        target = (built_site / "roles" / "ml-engineer" / urlsplit(str(link["href"])).path).resolve()
        links[target.relative_to(built_site.resolve()).as_posix().removesuffix("/index.html")] = link.get_text(
            " ", strip=True
        )
    missing, misnamed = [], []
    for folder in index_pages:
        page = BeautifulSoup((built_site / folder / "index.html").read_text("utf-8"), "html.parser")
        heading = page.select_one("article h1")
        assert heading is not None, folder
        for mark in heading.select(".headerlink"):
            mark.decompose()
        name = heading.get_text(" ", strip=True)
        if folder not in links:
            missing.append(f"{folder} ({name})")
        elif links[folder] not in (name, _initials(name)):
            misnamed.append(f"{folder}: sidebar says {links[folder]!r}, the page is {name!r}")
    assert not missing, "index pages not in the sidebar: " + ", ".join(missing)
    assert not misnamed, "\n".join(misnamed)
    nav = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)["nav"]
    assert len(index_pages) >= len(_nav_pages(nav)) - 2  # the check covers what the navigation lists


# -- search -----------------------------------------------------------------------------------------------------


def reader_queries() -> dict[str, list[str]]:
    """The searches of content/synonyms/, each with the pages (path from the site's root, optionally #section) any
    one of which must be among its first three results."""
    found: dict[str, list[str]] = {}
    for path in sorted((REPO / "content" / "synonyms").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("queries", []):
            found[item["query"]] = item["finds"].split()
    return found


QUERIES = reader_queries()


def _top_three(page: Page, query: str, root: str) -> list[str]:
    """Every link (page and section) of the first three results, as paths from the site's `root` with their #section."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=5)  # Material reacts to key events, not to a programmatic fill
    page.locator(".md-search-result__item").first.wait_for(state="attached")
    # The results for the whole query, not for its first letters: wait until the list stays the same for 300 ms.
    page.wait_for_function(
        """() => { const now = Array.from(document.querySelectorAll('.md-search-result__item a'))
                     .slice(0, 8).map(a => a.href).join(' ');
                   const was = window.__lastResults; window.__lastResults = now;
                   if (now !== was) { window.__sameSince = performance.now(); return false; }
                   return performance.now() - window.__sameSince >= 300; }""",
        polling=100,
    )
    return page.evaluate(
        """root => Array.from(document.querySelectorAll('.md-search-result__item')).slice(0, 3)
             .flatMap(item => Array.from(item.querySelectorAll('a[href]')))
             .map(a => { const url = new URL(a.href); return (url.origin + url.pathname).replace(root, '') + url.hash; })""",
        root,
    )


def _answered(page: Page, queries: dict[str, list[str]], root: str) -> list[str]:
    """The queries whose first three results link none of their pages, each with what they linked instead."""
    page.keyboard.press("/")
    failed = []
    for query, expected in queries.items():
        found = _top_three(page, query, root)
        if not any(
            target in found or ("#" not in target and any(f.startswith(target + "#") for f in found))
            for target in expected
        ):
            pages = list(dict.fromkeys(link.partition("#")[0] for link in found))
            failed.append(f"{query!r}: expected one of {expected}, the first three results are {pages}")
    return failed


def _offline_path(site: Path, link: str) -> str:
    """A page of the online site as the offline copy names it: 'faq/#x' → 'faq.html#x', 'facts/' →
    'facts/index.html', '' → 'index.html'."""
    path, hash_mark, anchor = link.partition("#")
    page = f"{path.rstrip('/')}.html" if path and (site / f"{path.rstrip('/')}.html").is_file() else f"{path}index.html"
    return page + (f"#{anchor}" if hash_mark else "")


@pytest.mark.parametrize("where", ["online", "offline"])
def test_search_answers_reader_queries_in_its_top_three(
    browser: Browser, served: str, offline_site: Path, where: str
) -> None:
    """Every search of content/synonyms/ (everyday words, typos) finds one of its pages in its first three results,
    on the served site and in the offline copy from file://."""
    assert len(QUERIES) >= 40
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    if where == "online":
        root, queries = served, QUERIES
    else:
        root = offline_site.as_uri() + "/"
        queries = {query: [_offline_path(offline_site, link) for link in links] for query, links in QUERIES.items()}
    page.goto(root + ("" if where == "online" else "index.html"), wait_until="load")
    failed = _answered(page, queries, root)
    context.close()
    assert not failed, f"{len(failed)} of {len(queries)} searches missed:\n" + "\n".join(failed)
