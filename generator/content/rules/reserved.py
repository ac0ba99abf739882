"""Addresses the site keeps for itself: an id must not take the page or anchor of a generated heading."""

from __future__ import annotations

from generator.content.checker import Content
from generator.content.issues import Issue

SECTION_PAGES = {
    "levels": "ladder/index.md",
    "trends": "trends/index.md",
    "duties": "duties/index.md",
    "facts": "facts/index.md",
    "terms": "glossary.md",
    "faqs": "faq.md",
    "sources": "sources/index.md",
    "disputes": "disputes.md",
    "scale": "scale.md",
    "frameworks": "hiring/index.md",
    "resources": "resources.md",
}
"""Kind → the shared page on which each entity of that kind is a section (anchored by its id)."""

RESERVED_ANCHORS = {
    "levels": ("career-ladder", "levels-side-by-side-", "what-changes-from-"),
    "facts": ("facts-and-figures", "salaries", "demand", "backgrounds"),
    "terms": ("glossary",),
    "faqs": ("frequently-asked-questions",),
    "trends": ("trends-and-concerns",),
    "duties": ("duties-and-regulation",),
    "sources": ("sources",),
    "disputes": ("where-the-sources-disagree",),
    "scale": ("proficiency-scale", "how-values-are-marked"),
    "frameworks": ("hiring-and-levelling", "levels-", "outline-", "outlines-", "frameworks", "not-covered", "cited"),
    "resources": ("learning-resources", "courses", "books", "documentation", "tutorials", "videos"),
}
"""Kind → anchors its shared page already uses for its own headings (a name ending in '-' is a prefix)."""


def reserved(kind: str, entity_id: str) -> str | None:
    """Why an id would lose its page or anchor to one the site generates, or None when it is free."""
    if entity_id == "index":
        return "'index' is the name of the index page of every kind; choose another id"
    for anchor in RESERVED_ANCHORS.get(kind, ()):
        if entity_id == anchor or (anchor.endswith("-") and entity_id.startswith(anchor)):
            return f"'{entity_id}' is taken by a heading of {SECTION_PAGES[kind]}; choose another id"
    return None


def reserved_ids(content: Content) -> list[Issue]:
    issues = []
    for kind, entity_id in sorted(content.present):
        problem = reserved(kind, entity_id)
        if problem:
            issues.append(Issue(content.shown[(kind, entity_id)], 1, 1, f"file name: {problem}"))
    return issues
