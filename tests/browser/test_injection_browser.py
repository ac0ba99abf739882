"""Hostile text in every text field stays text in a real browser, whatever the theme's scripts do with it.

Every free-text field of every kind carries a payload naming its field. Each page of the built site is opened
in Chromium, and every abbreviation, titled or truncated element, navigation and table-of-contents entry and
search result is hovered and focused. Any dialog, any element the payload would create, or any event-handler
attribute fails the test. The same check run on a build with the theme's own `content.tooltips` switched back
on must find the injection, which shows that the check can fail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import pytest
import yaml
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError
from pydantic import BaseModel

from generator.content.models import KINDS
from generator.content.models.base import TEXT_PATTERN
from tests.sitebuild import REPO, build, fixture_files, write_content

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARK = "PWNED"
NAME_LIMIT = 200


def payload(field: str, limit: int) -> str:
    """Markup in three spellings (raw, numeric references, named entities), padded to nearly the field's limit.

    A locator quotes at most eight words, so it gets the raw markup alone.
    """
    if field.endswith("locator"):
        return f'<img src=x class={MARK} onerror=alert("{MARK}:{field}")>'

    text = (
        f'<img src=x class={MARK} onerror=alert("{MARK}:{field}")>'
        f"&#60;img src=x class={MARK} onerror=alert(1)&#62; &lt;b class={MARK} onmouseover=alert(2)&gt;"
    )
    return (text + " ML padding words" * 20)[: min(limit, NAME_LIMIT) - 5]


def _text_limit(metadata: Any) -> int | None:
    """The length limit of a free-text constraint among `metadata`, or None when it is not free text."""
    for constraint in metadata:
        if getattr(constraint, "pattern", None) == TEXT_PATTERN:
            return int(constraint.max_length)
    return None


def text_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], int]:
    """Every path to a free-text value in a model ('*' for list items), with its length limit."""
    found: dict[tuple[str, ...], int] = {}

    def walk(annotation: Any, path: tuple[str, ...]) -> None:
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is Annotated:
            limit = _text_limit(args[1:])
            if limit is not None:
                found[path] = limit
            else:
                walk(args[0], path)
        elif origin is list:
            walk(args[0], (*path, "*"))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.update(text_paths(annotation, path))
        else:
            for arg in args:
                walk(arg, path)

    for name, info in model.model_fields.items():
        limit = _text_limit(info.metadata)
        if limit is not None:
            found[(*prefix, name)] = limit
        else:
            walk(info.annotation, (*prefix, name))
    return found


# Optional fields the fixture leaves out, filled in so that every text field kind is on the site.
EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "sources/article.yaml": {
        "publisher": "p",
        "notes": "n",
        "url": "https://example.org/article",
        "accessed": "2026-01-31",
    },
    "levels/junior.yaml": {"also_called": ["a"]},
    "roles/ml-engineer.yaml": {
        "also_called": ["a"],
        "keywords": ["k"],
        "education": [{"text": "t", "sources": ["article"]}],
        "backgrounds": [{"text": "t", "sources": ["article"]}],
        "prior_roles": [{"title": "t", "role": "data-scientist", "note": "n", "sources": ["article"]}],
        "coverage": {
            "skills": "described",
            "responsibilities": "partial",
            "tools": "partial",
            "education": "partial",
            "backgrounds": "partial",
            "prior_roles": "partial",
        },
    },
    "facts/typical-salary.yaml": {"note": "n", "keywords": ["k"]},
    "faqs/what-is-it.yaml": {"keywords": ["k"]},
    "terms/ml.yaml": {"keywords": ["k"]},
    "tools/pytorch.yaml": {"keywords": ["k"]},
    "comparisons/data-scientist-vs-ml-engineer.yaml": {"summary": "s"},
    "skills/python.yaml": {
        "levels": [{"level": "expert", "text": "t", "sources": ["article"]}],
        "keywords": ["k"],
        "codes": [{"scheme": "sfia", "code": "MLNG", "title": "t", "match": "close", "source": "classification"}],
    },
    "transitions/junior-to-senior.yaml": {
        "kind_basis": "derived",
        "kind_locator": "k",
        "demonstrations": [{"phase": "foundations", "text": "t"}],
    },
    "resources/python-tutorial.yaml": {"notes": "n", "cost_basis": "derived", "cost_locator": "c"},
}


def _fill(data: Any, path: tuple[str, ...], field: str, limit: int) -> int:
    """Replace every value at `path` with the payload; returns how many were replaced."""
    if not path:
        return 0
    step, rest = path[0], path[1:]
    items = (
        list(enumerate(data))
        if step == "*" and isinstance(data, list)
        else [(step, data[step])]
        if isinstance(data, dict) and step in data
        else []
    )
    count = 0
    for key, value in items:
        if rest:
            count += _fill(value, rest, field, limit)
        elif isinstance(value, str):
            data[key] = payload(field, limit)
            count += 1
    return count


def hostile_files() -> tuple[dict[str, str], set[str]]:
    """The fixture with every text field replaced by a payload, and the names of the fields it covers."""
    files = fixture_files()
    covered: set[str] = set()
    for name, text in sorted(files.items()):
        kind = name.split("/")[0]
        data = yaml.safe_load(text) | EXTRA_FIELDS.get(name, {})
        for entry in data.get("skills", []) if kind == "roles" else []:
            entry["note"] = "n"
        for path, limit in text_paths(KINDS[kind]).items():
            field = f"{kind}.{'.'.join(path)}"
            if _fill(data, path, field, limit):
                covered.add(field)
        modeline = text.splitlines()[0]
        files[name] = modeline + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return files, covered


def test_the_payload_reaches_every_text_field_of_every_kind() -> None:
    _, covered = hostile_files()
    expected = {f"{kind}.{'.'.join(path)}" for kind, model in KINDS.items() for path in text_paths(model)}
    assert expected - covered == set()


# -- the check ---------------------------------------------------------------------------------------------------

# Elements that a tooltip, a truncated title or a highlight can be attached to: in the page's own content and
# table of contents on every page, and in the site navigation (the same on every page) on the home page only.
TARGETS = (
    "article abbr, article [title], article [data-expansion], article h1, article h2, article h3, "
    ".md-header__topic, .md-header [title], .md-sidebar--secondary .md-nav__link, .md-sidebar--secondary [title]"
)
NAVIGATION = ".md-sidebar--primary .md-nav__link, .md-sidebar--primary [title], .md-tabs [title]"
MARK_TARGETS = """selector => {
  let count = 0;
  for (const element of document.querySelectorAll(selector)) {
    if (element.getClientRects().length) element.setAttribute('data-probe', count++);
  }
  return count;
}"""
# Installed before any page script runs: records every element that is added, or whose attributes change, if
# it carries an event handler or the payload's marks, even when a tooltip removes it again a moment later.
OBSERVER = """(() => {
  window.__injected = [];
  const inspect = element => {
    for (const node of [element, ...element.querySelectorAll('*')]) {
      for (const attribute of node.attributes) {
        if (attribute.name.toLowerCase().startsWith('on')) window.__injected.push(`<${node.localName} ${attribute.name}>`);
      }
      if (node.classList.contains('PWNED')) window.__injected.push(`<${node.localName} class=PWNED>`);
      if (node.localName === 'img' && node.getAttribute('src') === 'x') window.__injected.push('<img src=x>');
    }
  };
  new MutationObserver(records => {
    for (const record of records) {
      const nodes = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
      nodes.filter(node => node.nodeType === Node.ELEMENT_NODE).forEach(inspect);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();"""


class Probe:
    """Drives one page and collects every sign that a payload became markup."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.findings: list[str] = []
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self, where: str) -> None:
        self.page.wait_for_timeout(300)  # an injected image fails to load, and its handler runs, a moment later
        self.findings += [f"{where}: dialog {message!r}" for message in self.dialogs]
        self.dialogs.clear()
        self.findings += [f"{where}: {element}" for element in dict.fromkeys(self.page.evaluate("window.__injected"))]

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("() => document.documentElement.classList.contains('js')")

    def visit(self, url: str, label: str, selector: str = TARGETS) -> int:
        """Open a page, then hover and focus every target on it; returns how many targets were tried."""
        self.open(url)
        self.page.wait_for_timeout(200)  # the theme measures truncated text once it is visible
        count = self.page.evaluate(MARK_TARGETS, selector)
        tried = 0
        for index in range(count):
            target = self.page.locator(f'[data-probe="{index}"]')
            try:  # an element that moved or went away is fine; the check below runs regardless
                if not target.is_visible():
                    continue
                target.hover(timeout=500, force=True)
                target.evaluate("element => { element.focus(); element.dispatchEvent(new FocusEvent('focus')); }")
            except PlaywrightError:
                pass
            tried += 1
        self.check(label)
        return tried

    def search(self, url: str, query: str) -> int:
        """Type a query into the theme's search and hover every result."""
        self.open(url)
        self.page.keyboard.press("/")
        self.page.locator("input.md-search__input").press_sequentially(query, delay=10)
        results = self.page.locator(".md-search-result__item")
        try:
            results.first.wait_for(state="visible")
        except PlaywrightError:
            pytest.fail(f"no search results for {query!r}")
        for index in range(results.count()):
            results.nth(index).hover(force=True)
        self.check(f"search {query!r}")
        return results.count()


def probe_site(browser: Browser, site: Path) -> tuple[list[str], int]:
    """Every finding on every page of a built site, and how many targets were hovered and focused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    context.add_init_script(OBSERVER)
    probe = Probe(context.new_page())
    tried = 0
    try:
        home = (site / "index.html").as_uri()
        tried += probe.visit(home, "navigation", NAVIGATION)
        for path in sorted(site.rglob("*.html")):
            if path.name != "404.html":
                tried += probe.visit(path.as_uri(), str(path.relative_to(site)))
        tried += probe.search(home, "padding")
    finally:
        context.close()
    return probe.findings, tried


def _offline_build(root: Path, content: Path, config: Path) -> Path:
    """Build with use_directory_urls off, so every page opens from file:// like the offline copy."""
    return build(root / "site", content=content, config=str(config))


@pytest.fixture(scope="module")
def hostile_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-browser")
    files, _ = hostile_files()
    return write_content(root, files)


def _config_with(tmp: Path, *, tooltips: bool) -> Path:
    """The offline configuration; with `tooltips`, as it was before: the theme's own tooltips, not ours."""
    for name in ("docs", "overrides", "generator", "content", "mkdocs.yml"):
        (tmp / name).symlink_to(REPO / name)
    config = (REPO / "mkdocs.offline.yml").read_text(encoding="utf-8")
    if tooltips:
        main = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        features = re.search(r"\n  features:\n((?:    - .*\n)+)", main)
        scripts = re.search(r"\nextra_javascript:\n((?:  - .*\n)+)", main)
        assert features is not None and scripts is not None
        listed = [line.strip()[2:] for line in features.group(1).splitlines()]
        kept = [line.strip()[2:] for line in scripts.group(1).splitlines() if "tooltips.js" not in line]
        config += "\ntheme:\n  name: material\n  custom_dir: overrides\n  features: "
        config += json.dumps([*listed, "content.tooltips"]) + "\nextra_javascript: " + json.dumps(kept) + "\n"
    (tmp / "mkdocs.test.yml").write_text(config, encoding="utf-8")
    return tmp / "mkdocs.test.yml"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, hostile_content: Path) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("hostile-config")
    yield _offline_build(tmp, hostile_content, _config_with(tmp, tooltips=False))


def test_no_payload_runs_or_becomes_markup_in_the_browser(browser: Browser, hostile_site: Path) -> None:
    findings, tried = probe_site(browser, hostile_site)
    assert tried > 100, "the probe should hover and focus many targets"
    assert findings == []


def test_the_check_finds_the_injection_through_the_themes_own_tooltips(
    browser: Browser, hostile_content: Path, tmp_path: Path
) -> None:
    site = _offline_build(tmp_path, hostile_content, _config_with(tmp_path, tooltips=True))
    findings, _ = probe_site(browser, site)
    assert any("dialog" in finding for finding in findings), findings[:5]
    assert any("<img" in finding for finding in findings), findings[:5]
