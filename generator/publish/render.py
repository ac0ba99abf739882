"""Renders validated content to {page path: Markdown} through Jinja templates. No MkDocs here."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from generator.content.checker import Content
from generator.content.models.careers import Comparison, Role, Transition
from generator.content.models.evidence import Term
from generator.content.models.work import Challenge, Opportunity, Responsibility, Skill, Tool
from generator.pages import compare, graph, markdown, pagemeta, search
from generator.pages.evidence import Evidence, mark
from generator.pages.hiring import Hiring
from generator.pages.history import History
from generator.pages.history import read as read_history
from generator.pages.home import Home
from generator.pages.ladder import Ladder
from generator.pages.moved import former_pages, moved_pages
from generator.pages.moves import MovePages
from generator.pages.overviews import INDEX_KINDS, Overviews
from generator.pages.planner import planner_page
from generator.pages.reference import editing_page
from generator.pages.resources import resources_page
from generator.pages.review import review_page
from generator.pages.roles import RolePages
from generator.pages.site import Linker, Page, Ref, trail
from generator.pages.views import Backlinks, EntityViews
from generator.publish import downloads, editions, jsonld

TEMPLATES = Path(__file__).parents[1] / "pages" / "templates"
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def environment() -> jinja2.Environment:
    """Jinja set up for Markdown output: strict about undefined names, escaping done by filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates are kept in the user's temporary folder, keyed by each template's source.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["md"] = markdown.escape
    env.filters["md_part"] = markdown.escape_part
    env.filters["link"] = _link
    env.filters["url"] = lambda url: markdown.safe_url(url) or ""
    env.globals["mark"] = mark  # a basis mark that explains itself: {{ mark("editorial") }}
    return env


def _link(ref: Ref) -> str:
    return markdown.link(ref.text, ref.href)


def pages(content: Content, history: History | None = None, edition: editions.Edition | None = None) -> list[Page]:
    """Every page of the site as a view, in a stable order.

    Each page made from one content file says when that file last changed (`history`, read from git by default);
    the home and Data pages give the edition's date and link its offline copy and PDF (`edition`, by default as
    `handbook build` describes it).
    """
    edition = edition if edition is not None else editions.from_environment()
    link = Linker(content)
    back = Backlinks(content)
    evidence = Evidence(content, link)
    entities = EntityViews(content, link, back, evidence)
    overviews = Overviews(content, link, back, entities, evidence)
    roles = RolePages(entities)
    moves = MovePages(entities)
    found = [Home(content, link, evidence, moves, roles).page()]
    found[0].files[search.SCRIPT] = search.words_script(content)
    found[0].view["edition"] = editions.view(edition, found[0].path)
    for role_id, role in sorted(content.entities["roles"].items()):
        assert isinstance(role, Role)
        found.append(roles.page(role_id, role))
    for skill_id, skill in sorted(content.entities["skills"].items()):
        assert isinstance(skill, Skill)
        found.append(entities.skill(skill_id, skill))
    for kind in ("responsibilities", "tools", "challenges", "opportunities"):
        for entity_id, entity in sorted(content.entities[kind].items()):
            assert isinstance(entity, Responsibility | Tool | Challenge | Opportunity)
            found.append(entities.simple(kind, entity_id, entity))
    for move_id, move in sorted(content.entities["transitions"].items()):
        assert isinstance(move, Transition)
        found.append(moves.page(move_id, move))
    found += [overviews.index(kind) for kind in INDEX_KINDS]
    found += [
        overviews.skills_index(),
        Ladder(content, link, back, entities, evidence).page(),
        Hiring(content, link, evidence).page(),
        overviews.facts(),
        overviews.sources(),
    ]
    found += [
        overviews.sections("terms", "glossary.md.j2", "Glossary"),
        overviews.sections("faqs", "faq.md.j2", "Frequently asked questions"),
        overviews.sections("trends", "trends.md.j2", "Trends and concerns"),
        overviews.sections("duties", "duties.md.j2", "Duties and regulation"),
        overviews.disputes(),
        overviews.scale(),
        review_page(content, link, evidence),
        resources_page(content, link, entities.resources),
    ]
    role_pairs = compare.pairs(content)
    by_pair = compare.curated_by_pair(content)
    pair_pages = [compare.pair_page(content, link, left, right, curated=by_pair) for left, right in role_pairs]
    curated = [
        compare.curated_page(content, link, evidence, cid, comparison, role_pairs=role_pairs)
        for cid, comparison in sorted(content.entities["comparisons"].items())
        if isinstance(comparison, Comparison)
    ]
    found += [*curated, *pair_pages, comparisons_index(curated, pair_pages)]
    found += [graph.career_paths_page(content, link), editing_page(), Page("tags.md", "tags.md.j2", "Tags", {})]
    found.append(downloads.page(content, edition))
    jsonld.attach(content, found)
    found.append(planner_page(content, link))
    titles = {page.path: page.title for page in pair_pages}
    found += moved_pages(content, link)
    found += former_pages([(old, new, titles[new]) for old, new in compare.reordered(content) if new in titles])
    changes = history if history is not None else read_history(content.root)
    paths = {page.path for page in found}
    for page in found:  # a page made from several files (an index, a comparison of two roles) has no one history
        page.view["history"] = changes.of(page.source_file) if page.source_file else None
        # The theme turns these page paths into addresses, so every one of them must be a page that is built.
        page.trail = [step for step in trail(page.path) if step[1] in paths]
        assert page.moved_to is None or page.moved_to in paths, f"{page.path} sends readers to a page not built"
    return found


def comparisons_index(curated: list[Page], generated: list[Page]) -> Page:
    """Lists the curated comparisons and every generated pair."""
    page = "comparisons/index.md"
    view = {
        "curated": [Ref(item.title, markdown.relative(page, item.path)) for item in curated],
        "generated": [Ref(item.title, markdown.relative(page, item.path)) for item in generated],
    }
    return Page(page, "comparisons_index.md.j2", "Comparisons", view)


class Renderer:
    """Turns page views into Markdown: the template, the tags as front matter, the abbreviations the page uses."""

    def __init__(self, content: Content) -> None:
        self.env = environment()
        terms = [term for term in content.entities["terms"].values() if isinstance(term, Term) and term.abbreviation]
        self.glossary = markdown.Abbreviations([(str(term.abbreviation), term.expansion) for term in terms])

    def render(self, page: Page) -> str:
        """One page's Markdown."""
        text = self.env.get_template(page.template).render(page=page, **page.view)
        # Text inside a script element (the planner's data) is never shown, so it defines no abbreviation.
        return pagemeta.front_matter(page, text) + text + self.glossary.footer(_SCRIPT.sub("", text))


def render_pages(content: Content, edition: editions.Edition | None = None) -> tuple[dict[str, str], list[Page]]:
    """{page path: Markdown} for the whole site, and the page views (for edit links and tags)."""
    renderer = Renderer(content)
    site_pages = pages(content, edition=edition)
    return {page.path: renderer.render(page) for page in site_pages}, site_pages


def attachments(site_pages: list[Page]) -> dict[str, str]:
    """{path: text} of the files published with the pages (the data downloads), in page order."""
    return {path: text for page in site_pages for path, text in page.files.items()}
