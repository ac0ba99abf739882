"""Where every entity lives on the site, and the small view types every page is built from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.content.checker import Content
from generator.content.models.base import Entity
from generator.content.models.careers import Transition
from generator.content.rules.reserved import SECTION_PAGES
from generator.pages.markdown import relative

OWN_PAGES = (
    "roles",
    "skills",
    "responsibilities",
    "tools",
    "challenges",
    "opportunities",
    "comparisons",
    "transitions",
)
"""Kinds whose entities each get a page of their own; the others are sections of a shared page."""

PAGELESS = ("retired", "synonyms")
"""Kinds whose entries are shown on no page: retired ids (the entries are gone) and search words (used by search)."""

FOLDERS = {"transitions": "moves"}
"""Kind → the folder its pages live in, where that is not named after the kind."""

LISTINGS = {
    "roles": ("roles/index.md", "Roles"),
    "skills": ("skills/index.md", "Skills"),
    "responsibilities": ("responsibilities/index.md", "Responsibilities"),
    "tools": ("tools/index.md", "Tools"),
    "challenges": ("challenges/index.md", "Challenges"),
    "opportunities": ("opportunities/index.md", "Opportunities"),
    "comparisons": ("comparisons/index.md", "Comparisons"),
    "compare": ("comparisons/index.md", "Comparisons"),
    "moves": ("career-paths.md", "Career paths"),
}
"""Folder of pages of their own → the page in the navigation that lists them, and its title."""


@dataclass(frozen=True)
class Ref:
    """A link as templates print it: the visible text and a relative target."""

    text: str
    href: str


@dataclass
class Page:
    """One generated page: its path, the template and the view it is rendered from."""

    path: str
    template: str
    title: str
    view: dict[str, Any]
    source_file: str | None = None
    tags: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    """Other files published with the page: {path from the site root: text}, e.g. the data downloads."""
    jsonld: str = ""
    """The page's schema.org structured data as JSON-LD, already safe to place inside a script element."""
    trail: list[tuple[str, str]] = field(default_factory=list)
    """Where the page sits in the navigation when it is not in it: (title, page path) of the pages above it."""
    retired: bool = False
    """The page stands at the address of a retired entry: kept out of site search and search engines."""
    moved_to: str | None = None
    """For a retired entry that another took the place of: that entry's page, where the browser is sent on."""
    hide: list[str] = field(default_factory=list)
    """Parts of the theme's page frame to leave out (the theme's `hide` front matter), e.g. ["toc"] for a tool page."""


def trail(path: str) -> list[tuple[str, str]]:
    """Where a page outside the navigation sits in it: the home page, then the page listing its kind, each as
    (title, page path); [] for a page with no such place."""
    folder, _, name = path.rpartition("/")
    if folder not in LISTINGS or name == "index.md":
        return []
    return [("Home", "index.md"), (LISTINGS[folder][1], LISTINGS[folder][0])]


def title_of(entity: Entity) -> str:
    """The human name of an entity, whatever its kind calls it."""
    for name in ("title", "name", "question", "statement", "expansion"):
        value = getattr(entity, name, None)
        if isinstance(value, str):
            return value
    raise AssertionError(f"no title field on {type(entity).__name__}")


class Linker:
    """Resolves (kind, id) to a relative link from the page being built."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._sorted: dict[str, list[str]] = {}
        self._rank: dict[str, dict[str, int]] = {}
        self._titles: dict[tuple[str, str], str] = {}

    @staticmethod
    def location(kind: str, entity_id: str) -> tuple[str, str | None]:
        """The page an entity is on, and its anchor when it is a section of a shared page."""
        if kind in OWN_PAGES:
            return f"{FOLDERS.get(kind, kind)}/{entity_id}.md", None
        return SECTION_PAGES[kind], entity_id

    def entity(self, kind: str, entity_id: str) -> Entity:
        """The validated entity."""
        return self.content.entities[kind][entity_id]

    def ref(self, from_page: str, kind: str, entity_id: str, text: str | None = None) -> Ref:
        """A link to an entity, labelled with its title unless `text` is given."""
        page, anchor = self.location(kind, entity_id)
        label = text if text is not None else self.title(kind, entity_id)
        return Ref(label, relative(from_page, page, anchor))

    def title(self, kind: str, entity_id: str) -> str:
        """An entity's title; a career move is named after the roles (and levels) at its two ends.

        Pages ask for the same titles thousands of times, so each is worked out once.
        """
        key = (kind, entity_id)
        if key not in self._titles:
            entity = self.entity(kind, entity_id)
            if isinstance(entity, Transition):
                start = self._position(entity.from_role, entity.from_level)
                self._titles[key] = f"{start} to {self._position(entity.to_role, entity.to_level)}"
            else:
                self._titles[key] = title_of(entity)
        return self._titles[key]

    def _position(self, role_id: str, level_id: str | None) -> str:
        return self.title("levels", level_id) if level_id else self.title("roles", role_id)

    def refs(self, from_page: str, kind: str, ids: list[str]) -> list[Ref]:
        """Links to several entities of one kind, in the given order."""
        return [self.ref(from_page, kind, entity_id) for entity_id in ids]

    def page_ref(self, from_page: str, to_page: str, text: str, anchor: str | None = None) -> Ref:
        """A link to a page that is not an entity (an index, the home page)."""
        return Ref(text, relative(from_page, to_page, anchor))

    def sorted_ids(self, kind: str) -> list[str]:
        """Ids of a kind ordered by their title, for stable indexes (sorted once per kind: pages ask often)."""
        if kind not in self._sorted:
            entities = self.content.entities[kind]
            key = lambda entity_id: (title_of(entities[entity_id]).casefold(), entity_id)  # noqa: E731
            self._sorted[kind] = sorted(entities, key=key)
        return list(self._sorted[kind])

    def in_order(self, kind: str, ids: Iterable[str]) -> list[str]:
        """Some ids of a kind, in the order of `sorted_ids`, without going through every id of the kind."""
        if kind not in self._rank:
            self._rank[kind] = {entity_id: index for index, entity_id in enumerate(self.sorted_ids(kind))}
        rank = self._rank[kind]
        return sorted((entity_id for entity_id in ids if entity_id in rank), key=rank.__getitem__)
