"""The real content builds strictly into a site whose pages, tables and citations are checked by parsing HTML."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.content.validate import validate
from generator.pages.compare import pairs, reordered
from generator.pages.moved import FORMER_PAGES, moved_pages
from generator.pages.site import LISTINGS, PAGELESS, Linker
from tests.sitebuild import REPO, build

pytestmark = pytest.mark.slow

CONTENT = REPO / "content"
REPO_URL = "https://github.com/example-org/ml-engineering-handbook"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("site") / "site", env={"HANDBOOK_REPO_URL": REPO_URL})


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, page: str) -> Path:
    """The built HTML of a docs-relative .md page (directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def ids(kind: str) -> list[str]:
    return sorted(path.stem for path in (CONTENT / kind).glob("*.yaml"))


def article(site: Path, page: str) -> BeautifulSoup:
    found = soup(page_file(site, page)).select_one("article.md-content__inner")
    assert found is not None, page
    return found


ROLE_SECTIONS = {
    "responsibilities": ("responsibilities",),
    "skills": ("skills",),
    "tools": ("tools",),
    "challenges-and-opportunities": ("challenges", "opportunities"),
    "education-and-backgrounds": ("education", "backgrounds", "prior_roles"),
}
"""A role page's detail sections, in order, and the fields that fill them: a section with nothing is left out."""


@pytest.mark.parametrize("role_id", ids("roles"))
def test_every_role_page_has_its_sections(site: Path, role_id: str) -> None:
    data = yaml.safe_load((CONTENT / "roles" / f"{role_id}.yaml").read_text(encoding="utf-8"))
    headings = [h2.get("id") for h2 in article(site, f"roles/{role_id}.md").find_all("h2")]
    filled = [section for section, fields in ROLE_SECTIONS.items() if any(data.get(field) for field in fields)]
    empty = [section for section in ROLE_SECTIONS if section not in filled]
    assert [h for h in headings if h in ROLE_SECTIONS] == filled
    assert not set(empty) & set(headings)
    assert headings[-1] == "sources"
    assert ("classification-codes" in headings) == bool(data.get("codes"))
    if data.get("skills"):
        assert headings[:2] == ["at-a-glance-pay", "at-a-glance-skills"] or headings[0] == "at-a-glance-skills"


def test_every_entity_has_a_page_or_an_anchored_section(site: Path) -> None:
    missing = []
    for kind_dir in sorted(CONTENT.iterdir()):
        if kind_dir.name in PAGELESS or not kind_dir.is_dir():
            continue  # a retired id names an entry that is gone; search words are read by search alone
        for entity_id in ids(kind_dir.name):
            page, anchor = Linker.location(kind_dir.name, entity_id)
            path = page_file(site, page)
            if not path.exists() or (anchor and soup(path).find(id=anchor) is None):
                missing.append(f"{kind_dir.name}/{entity_id}")
    assert missing == []


@pytest.mark.parametrize("comparison_id", ids("comparisons"))
def test_curated_comparison_table_rows_link_to_skills_and_responsibilities(site: Path, comparison_id: str) -> None:
    data = yaml.safe_load((CONTENT / "comparisons" / f"{comparison_id}.yaml").read_text(encoding="utf-8"))
    table = article(site, f"comparisons/{comparison_id}.md").find("table")
    rows = table.find("tbody").find_all("tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == [d["name"] for d in data["dimensions"]]
    for row, dimension in zip(rows, data["dimensions"], strict=True):
        cells = row.find_all("td")
        for cell, refs in ((cells[1], dimension.get("left_refs", [])), (cells[2], dimension.get("right_refs", []))):
            targets = [a["href"] for a in cell.find_all("a")]
            assert len(targets) == len(refs)
            assert all("/skills/" in href or "/responsibilities/" in href for href in targets)


def configured_pairs() -> list[str]:
    """Every role pair the content gets a comparison page for (variants and `compare_with`, where comparable)."""
    content, _ = validate(CONTENT)
    return [f"{left}-vs-{right}" for left, right in pairs(content)]


def test_content_configures_pairs_to_compare() -> None:
    assert configured_pairs(), "no role sets compare_with or variant_of, so no comparison page is generated"


@pytest.mark.parametrize("pair", configured_pairs())
def test_configured_pairs_render_as_tables_linking_to_skills(site: Path, pair: str) -> None:
    body = article(site, f"compare/{pair}.md")
    tables = body.find_all("table")
    assert tables, pair
    links = [a["href"] for table in tables for a in table.find_all("a")]
    assert any("/skills/" in href for href in links) or any("/responsibilities/" in href for href in links)


def test_every_fact_row_carries_a_citation_link(site: Path) -> None:
    rows = [
        row for table in article(site, "facts/index.md").find_all("table") for row in table.find("tbody").find_all("tr")
    ]
    assert len(rows) == len(ids("facts"))
    for row in rows:
        source_cell = row.find_all("td")[-1]
        assert source_cell.find("a", href=lambda href: href and "sources/#" in href), row.get_text(" ", strip=True)
    for role_id in ids("roles"):
        heading = article(site, f"roles/{role_id}.md").find(id="facts")
        facts = heading.find_next_sibling() if heading else None
        for row in facts.find_all("tr")[1:] if facts is not None and facts.name == "table" else []:
            assert row.find_all("td")[-1].find("a", href=lambda href: href and "sources/#" in href)


def test_every_page_is_reachable_from_the_home_page(site: Path) -> None:
    """Every page but those at old addresses (of retired entries, tests/test_moved.py, and of the site's own pages
    that moved), which only old links lead to."""
    built = {path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.name != "404.html"}
    retired = {page for page in built if soup(site / page).find("meta", attrs={"name": "robots", "content": "noindex"})}
    content, _ = validate(REPO / "content")
    old = [page.path for page in moved_pages(content, Linker(content))] + list(FORMER_PAGES)
    old += [path for path, _ in reordered(content)]
    assert retired == {path.removesuffix(".md").removesuffix("/index") + "/index.html" for path in old}
    pages = built - retired
    seen, queue = set(), ["index.html"]
    while queue:
        current = queue.pop()
        if current in seen or current not in pages:
            continue
        seen.add(current)
        for anchor in soup(site / current).find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(current), unquote(parts.path)))
            queue.append(target + "/index.html" if not target.endswith(".html") else target)
    assert sorted(pages - seen) == []


def test_edit_button_opens_the_yaml_file(site: Path) -> None:
    edit = soup(page_file(site, "roles/ml-engineer.md")).find("a", attrs={"title": "Edit this page"})
    assert edit is not None
    assert edit["href"] == f"{REPO_URL}/edit/main/content/roles/ml-engineer.yaml"
    for path in ("index.md", "roles/ml-engineer.md", "moves/software-engineer-to-ml-engineer.md"):
        source = soup(page_file(site, path)).select_one("a.md-source")
        assert source is not None and source["href"] == REPO_URL, f"{path} has no link to the repository"
    move = soup(page_file(site, "moves/software-engineer-to-ml-engineer.md"))
    edit = move.find("a", attrs={"title": "Edit this page"})
    assert edit is not None and edit["href"].endswith("content/transitions/software-engineer-to-ml-engineer.yaml")


def test_no_page_loads_google_fonts(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path


def test_navigation_size_does_not_grow_with_entities(site: Path) -> None:
    nav_links = [
        len(soup(page_file(site, p)).select("nav.md-nav--primary a")) for p in ("index.md", "roles/ml-engineer.md")
    ]
    entity_pages = sum(1 for _ in site.glob("*/*/index.html"))
    assert max(nav_links) < 40 < entity_pages


def test_tags_page_lists_pages_by_family_category_and_type(site: Path) -> None:
    body = article(site, "tags.md")
    headings = {h.get_text(" ", strip=True).rstrip("¶").strip() for h in body.find_all(["h2", "h3"])}
    assert {"Machine learning", "Data", "Software", "Programming", "Soft skills", "Frameworks"} <= headings
    links = [a["href"] for a in body.find_all("a", href=True)]
    assert any("roles/ml-engineer" in href for href in links)


CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("page", ["index.md", "sources/index.md"])
def test_footer_names_the_content_licence(site: Path, page: str) -> None:
    footer = soup(page_file(site, page)).select_one(".md-copyright")
    assert footer is not None, page
    links = [(a.get_text(strip=True), a["href"]) for a in footer.find_all("a", href=True)]
    assert ("CC BY 4.0", CONTENT_LICENCE_URL) in links
    assert "MIT" in footer.get_text(" ", strip=True)


def test_licence_files_name_the_same_licences() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content_licence = (REPO / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International" in content_licence
    assert CONTENT_LICENCE_URL in content_licence


def test_a_page_outside_the_navigation_says_where_it_sits_in_it(site: Path) -> None:
    checked = 0
    for folder, (listing, title) in LISTINGS.items():
        for built in sorted((site / folder).glob("*/index.html")):
            trail = soup(built).select("article nav.handbook-trail a")
            steps = [(link.get_text(strip=True), (built.parent / str(link["href"])).resolve()) for link in trail]
            expected = [("Home", site.resolve()), (title, page_file(site, listing).parent.resolve())]
            assert steps == expected, built.relative_to(site)
            checked += 1
    assert checked > 150
    for page in ("index.md", "skills/index.md", "career-paths.md", "faq.md"):
        assert soup(page_file(site, page)).select("nav.handbook-trail") == [], f"{page} is in the navigation"
