"""The skills planner in a real Chromium: ratings survive a reload, an export, a clear and an import, online and
from the offline copy under file:// (with no request outside it); an assessment saved before a skill was renamed
comes back under the new id with a notice; axe finds nothing; loading it moves no content; it prints its summary.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_browser import AXE_OPTIONS, SCREENSHOTS, TIMEOUT_MS, Visit, describe, follow

pytestmark = pytest.mark.browser

GOAL = "?to=ml-engineer&level=senior"
RATINGS = ["working", "practitioner", "expert"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    """The online build (directory URLs) over HTTP on a free local port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@contextlib.contextmanager
def guarded(browser: Browser, root: Path, **options: Any) -> Iterator[Visit]:
    """A context in which only file: requests pass; every other one is blocked and recorded."""
    record = Visit(root)
    context = browser.new_context(accept_downloads=True, **options)
    context.set_default_timeout(TIMEOUT_MS)

    def route(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            record.external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.on(
        "request",
        lambda request: (
            record.requested.append(request.url)
            if not request.url.startswith(("file:", "data:", "blob:", "about:"))
            else None
        ),
    )
    record.page = context.new_page()
    record.page.on("pageerror", lambda error: record.errors.append(f"pageerror: {error}"))
    record.page.on("console", lambda message: record.errors.append(message.text) if message.type == "error" else None)
    try:
        yield record
    finally:
        context.close()


@pytest.fixture
def offline(browser: Browser, offline_site: Path) -> Iterator[Visit]:
    with guarded(browser, offline_site, viewport={"width": 1366, "height": 900}) as visit:
        yield visit


def at_planner(visit: Visit, query: str = "") -> Page:
    """Open the planner of a file:// copy with a query (which a file path would escape)."""
    assert visit.page is not None
    visit.page.goto((visit.root / "planner" / "index.html").as_uri() + query, wait_until="load")
    visit.page.wait_for_function("() => document.documentElement.classList.contains('js')")
    return visit.page


def unfold(page: Page) -> Page:
    """Open every group of ratings, as a reader who rates skill by skill does."""
    page.evaluate("document.querySelectorAll('details.planner__group').forEach(group => { group.open = true; })")
    return page


def planner_data(page: Page) -> dict[str, Any]:
    return json.loads(page.locator("#planner-data").text_content() or "")


def ratings(page: Page) -> dict[str, str]:
    """Skill id → the value of its rating control, for every skill of the goal on the page."""
    return page.eval_on_selector_all(
        "select[data-skill]", "items => Object.fromEntries(items.map(item => [item.dataset.skill, item.value]))"
    )


def notices(page: Page) -> str:
    return page.locator(".planner__notices").inner_text()


def rate_export_clear_import(page: Page, open_planner: Callable[[str], None], downloads: Path) -> None:
    """The whole round trip a reader makes, asserted at every step."""
    open_planner(GOAL)
    unfold(page)
    skills = list(ratings(page))[: len(RATINGS)]
    assert len(skills) == len(RATINGS), "the goal should ask for skills"
    for skill, value in zip(skills, RATINGS, strict=True):
        page.select_option(f'select[data-skill="{skill}"]', value)
    chosen = dict(zip(skills, RATINGS, strict=True))
    summary = page.locator("#planner-result").inner_text()
    assert re.search(r"you meet the goal in \d+, have \d+ to grow in", summary)
    assert not re.search(r"null|undefined|NaN", page.locator("#planner").inner_text())

    page.reload()
    assert {skill: ratings(page)[skill] for skill in skills} == chosen, "ratings are kept over a reload"

    with page.expect_download() as download:
        page.click("#planner-export")
    exported = downloads / "assessment.json"
    download.value.save_as(exported)
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert saved["format"] == "ml-engineering-handbook/skills-assessment"
    assert saved["content_version"] == planner_data(page)["version"]
    assert saved["ratings"] == chosen and saved["to"] == {"role": "ml-engineer", "level": "senior"}

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#planner-clear")
    assert "cleared" in notices(page)
    assert ratings(page) == {}, "clearing forgets the goal too"
    open_planner(GOAL)
    assert not any(ratings(page).values()), "nothing is left after clearing"
    assert page.evaluate("localStorage.getItem('ml-engineering-handbook:planner')") is None

    page.set_input_files("#planner-import", str(exported))
    page.locator(".planner__notices", has_text="Imported 3 ratings").wait_for()
    assert {skill: ratings(page)[skill] for skill in skills} == chosen, "the import brings the ratings back"
    page.reload()
    assert {skill: ratings(page)[skill] for skill in skills} == chosen, "and keeps them"


def test_ratings_survive_reload_export_clear_and_import_online(browser: Browser, served: str, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    # The online build links to the repository, whose widget asks GitHub for its stars: not the planner's doing.
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    rate_export_clear_import(page, lambda query: page.goto(f"{served}planner/{query}"), tmp_path)
    assert errors == []
    context.close()


def test_ratings_survive_reload_export_clear_and_import_offline(offline: Visit, tmp_path: Path) -> None:
    page = offline.page
    assert page is not None
    rate_export_clear_import(page, lambda query: at_planner(offline, query), tmp_path)
    offline.assert_clean()


# -- an assessment saved against older content ------------------------------------------------------------------


def test_an_assessment_saved_before_a_rename_moves_to_the_new_id_with_a_notice(
    browser: Browser, before_and_after: tuple[Path, Path], tmp_path: Path
) -> None:
    before, after = before_and_after
    with guarded(browser, before) as visit:
        page = visit.page
        assert page is not None
        unfold(at_planner(visit, GOAL))
        page.select_option('select[data-skill="python"]', "working")
        with page.expect_download() as download:
            page.click("#planner-export")
        download.value.save_as(tmp_path / "old.json")
        old_version = planner_data(page)["version"]

        visit.root = after  # the same browser, so the same storage: the new copy reads what the old one saved
        at_planner(visit, GOAL)
        assert planner_data(page)["version"] != old_version
        assert "python" not in ratings(page)
        assert ratings(page)["python-language"] == "working"
        said = notices(page)
        assert "The handbook changed since this assessment was saved:" in said and old_version not in said
        assert "The skill “Python” was renamed “Python language”; what you recorded for it moved there." in said
        screenshot(page, "planner-renamed-notice")
        assert not re.search(r"null|undefined|NaN", page.locator("#planner").inner_text())
        assert "asks for 1 skill (1 essential)" in page.locator("#planner").inner_text()

        page.reload()  # carried over once: saved under the new version, so no notice the second time
        assert notices(page) == "" and ratings(page)["python-language"] == "working"

        page.evaluate("localStorage.clear()")
        at_planner(visit, GOAL)
        assert ratings(page)["python-language"] == ""
        page.set_input_files("#planner-import", str(tmp_path / "old.json"))
        page.locator(".planner__notices", has_text="was renamed").wait_for()
        assert ratings(page)["python-language"] == "working", "an old export is carried over the same way"
        visit.assert_clean()


def test_an_old_export_keeps_new_ratings_drops_removed_skills_and_keeps_unknown_ones(
    browser: Browser, before_and_after: tuple[Path, Path], tmp_path: Path
) -> None:
    _, after = before_and_after
    old = {
        "format": "ml-engineering-handbook/skills-assessment",
        "content_version": "000000000000",
        "to": {"role": "ml-engineer", "level": "senior"},
        "ratings": {"python": "working", "python-language": "expert", "perl": "expert", "cobol": "working"},
        "names": {"skills": {"python": "Python", "perl": "Perl"}},
        "targets": {"python-language": "working"},
    }
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    with guarded(browser, after) as visit:
        page = at_planner(visit, GOAL)
        page.set_input_files("#planner-import", str(tmp_path / "old.json"))
        page.locator(".planner__notices", has_text="was renamed").wait_for()
        assert ratings(page) == {"python-language": "expert"}, "a rating under the new id wins over the old one"
        said = notices(page)
        assert "The skill “Perl” was removed from the handbook, so your assessment no longer uses it." in said
        assert "The goal for “Python language” changed from Working to Expert." in said
        assert "Your ratings of 1 skill this copy of the handbook does not have are kept, but not shown." in said
        with page.expect_download() as download:
            page.click("#planner-export")
        download.value.save_as(tmp_path / "new.json")
        kept = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))["ratings"]
        assert kept == {"python-language": "expert", "cobol": "working"}
        visit.assert_clean()


# -- accessibility, layout, print, addresses ----------------------------------------------------------------------


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def filled(visit: Visit) -> Page:
    """The planner with a goal, some ratings, the scale's descriptions open and a notice showing."""
    page = at_planner(visit, "?from=ml-engineer&from_level=junior&to=ml-engineer&level=senior")
    page.click("#planner-fill")
    page.locator(".planner__scale summary").click()
    return page


def violations(page: Page) -> dict[tuple[str, str], str]:
    """axe's findings on the page as it is now: (rule, element) → description."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return {
        (violation["id"], " ".join(map(str, node["target"]))): describe(violation)
        for violation in found
        for node in violation["nodes"]
    }


@pytest.mark.parametrize(("width", "scheme"), [(1366, "light"), (1366, "dark"), (390, "light"), (390, "dark")])
def test_axe_finds_no_violation_on_the_planner(browser: Browser, offline_site: Path, width: int, scheme: str) -> None:
    """Every rule, every impact: no finding at all, on the planner or on the home page beside it."""
    with guarded(browser, offline_site, viewport={"width": width, "height": 900}, color_scheme=scheme) as visit:
        page = filled(visit)
        assert "Filled" in notices(page)
        screenshot(page, f"planner-{width}-{scheme}")
        on_planner = violations(page)
        visit.open("index.html")
        theme = violations(page)
        assert on_planner == {}
        assert theme == {}
        at_planner(visit, GOAL)
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= width, f"the page is {width_used} px wide in a {width} px window"
        visit.assert_clean()


LAYOUT_SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve(total), 1000);
})"""


def test_the_planner_draws_without_moving_the_page(offline: Visit) -> None:
    page = filled(offline)  # saves an assessment, so the next load draws every rating at once
    at_planner(offline, GOAL)
    assert sum(1 for value in ratings(page).values() if value) > 3
    assert page.evaluate(LAYOUT_SHIFTS) == 0
    offline.assert_clean()


def test_a_rating_can_be_given_by_keyboard_alone(offline: Visit) -> None:
    page = at_planner(offline, GOAL)
    first = page.locator("select[data-skill]").first
    skill = first.get_attribute("data-skill")
    page.locator("details.planner__group > summary").first.focus()
    page.keyboard.press("Enter")  # a group unfolds from the keyboard
    for _ in range(20):  # the group's button, the skill's link, then its rating
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.skill") == skill:
            break
    assert page.evaluate("document.activeElement.dataset.skill") == skill
    page.keyboard.press("ArrowDown")
    assert first.input_value() == "awareness"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')").split() == [
        f"planner-rate-{skill}-goal",
        f"planner-rate-{skill}-meaning",
    ]
    assert page.locator(f"#planner-rate-{skill}-meaning").inner_text().startswith("Awareness: ")
    offline.assert_clean()


def test_printed_the_planner_is_its_summary(offline: Visit) -> None:
    page = filled(offline)
    page.emulate_media(media="print")
    assert page.locator("#planner-result").is_visible()
    assert page.locator("#planner-result ol.planner__gaps li").first.is_visible()
    for hidden in ("#planner-skills", "#planner-choose", "#planner-keep", ".planner__notices"):
        assert not page.locator(hidden).is_visible(), hidden
    offline.assert_clean()


def test_a_career_move_in_the_address_sets_both_ends(offline: Visit) -> None:
    move = next(move for move in planner_data(at_planner(offline))["moves"] if move["from_level"])
    page = at_planner(offline, f"?move={move['id']}")
    assert page.input_value("#planner-from-role") == move["from_role"]
    assert page.input_value("#planner-from-level") == move["from_level"]
    assert page.input_value("#planner-to-role") == move["to_role"]
    assert page.input_value("#planner-to-level") == move["to_level"]
    assert page.input_value("#planner-move") == move["id"]
    assert page.locator(".planner__move-link a").inner_text() == move["title"]
    offline.assert_clean()


def test_an_unknown_goal_in_the_address_is_reported(offline: Visit) -> None:
    page = at_planner(offline, "?to=astronaut")
    assert "“astronaut”, which this copy of the handbook does not have" in notices(page)
    assert page.input_value("#planner-to-role") == ""
    offline.assert_clean()


def test_role_and_level_pages_link_to_the_planner_with_their_goal(offline: Visit) -> None:
    page = offline.open("roles/ml-engineer.html")
    follow(page, page.get_by_role("link", name="Skills planner: rate yourself for this role"))
    assert page.input_value("#planner-to-role") == "ml-engineer"
    page = offline.open("ladder/index.html")
    level_link = page.locator("a", has_text="Skills planner: rate yourself for this level").nth(1)
    goal = dict(re.findall(r"[?&](to|level)=([a-z0-9-]+)", level_link.get_attribute("href") or ""))
    assert goal.get("to") and goal.get("level")
    follow(page, level_link)
    assert page.input_value("#planner-to-role") == goal["to"]
    assert page.input_value("#planner-to-level") == goal["level"]
    offline.assert_clean()


def test_the_script_is_loaded_only_by_the_planner(offline_site: Path) -> None:
    loading = sorted(
        path.relative_to(offline_site).as_posix()
        for path in offline_site.rglob("*.html")
        if "planner.js" in path.read_text(encoding="utf-8")
    )
    assert loading == ["planner/index.html"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json at all", "That file is not valid JSON."),
        ('{"ratings": {"python": "expert"}}', "This file is not a skills assessment exported by the planner."),
        ('{"format": "ml-engineering-handbook/skills-assessment", "ratings": null}', "not a skills assessment"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_and_changes_nothing(
    offline: Visit, tmp_path: Path, text: str, message: str
) -> None:
    page = unfold(at_planner(offline, GOAL))
    first = page.locator("select[data-skill]").first
    first.select_option("expert")
    (tmp_path / "other.json").write_text(text, encoding="utf-8")
    page.set_input_files("#planner-import", str(tmp_path / "other.json"))
    page.locator(".planner__notices", has_text=message).wait_for()
    assert first.input_value() == "expert"
    page.reload()
    assert page.locator("select[data-skill]").first.input_value() == "expert"
    offline.assert_clean()


# -- the plan in view: a career move, one group rated, the next steps ----------------------------------------------


def test_choosing_a_move_and_rating_one_group_shows_the_next_steps_without_scrolling(offline: Visit) -> None:
    page = at_planner(offline)
    move = next(move for move in planner_data(page)["moves"] if move["id"] == "data-analyst-to-ml-engineer")
    page.select_option("#planner-move", move["id"])
    assert page.input_value("#planner-from-role") == "data-analyst"
    assert "Filled" in notices(page), "the starting role's baseline is filled in"
    assert sum(1 for value in ratings(page).values() if value) > 5
    group = page.locator("details.planner__group").first
    group.locator("summary").click()
    group.locator("button.planner__known").click()
    assert "Marked" in notices(page) or "already at the goal" in notices(page)
    steps = page.locator("#planner-result ol.planner__next > li")
    assert 3 <= steps.count() <= 5
    for index in range(steps.count()):
        step = steps.nth(index)
        box = step.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900, "the next steps are in view"
        assert step.locator("a[href^='https://']").count() == 1, "each step names a resource"
    first = steps.first.locator("a").first.inner_text()
    assert first in [planner_data(page)["skills"][skill]["name"] for skill in move["priorities"]]
    screenshot(page, "planner-next-steps-1366")
    offline.assert_clean()


def test_on_a_phone_a_bar_keeps_the_next_step_in_view(browser: Browser, offline_site: Path) -> None:
    with guarded(browser, offline_site, viewport={"width": 390, "height": 844}, is_mobile=True) as visit:
        page = at_planner(visit, "?move=software-engineer-to-ml-engineer")
        page.locator("details.planner__group").first.locator("summary").click()
        page.mouse.wheel(0, 1500)
        bar = page.locator("#planner-bar")
        bar.wait_for()
        box = bar.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844 + 1 and box["y"] > 600, box
        assert "next:" in bar.inner_text()
        screenshot(page, "planner-bar-390")
        visit.assert_clean()


def test_the_planner_has_one_name_everywhere(offline_site: Path) -> None:
    names = set()
    for path in offline_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"(Assess yourself|Rate yourself for this move|Your skills assessment tool)", text))
    assert names == set(), names
