"""The 'Due for review' page: which figures have aged and which sources were read long ago, so readers know."""

from __future__ import annotations

from generator.content.checker import Content
from generator.content.freshness import FIGURE_MAX_YEARS, SOURCE_MAX_DAYS, due, last_read
from generator.content.models.sources import Source
from generator.pages.evidence import Evidence
from generator.pages.site import Linker, Page

REVIEW_PAGE = "review.md"


def review_page(content: Content, link: Linker, evidence: Evidence) -> Page:
    """Every figure and source due for review, counted from the day a source was last read (so builds repeat)."""
    as_of = last_read(content)
    items = due(content, as_of) if as_of else []
    figures = [{**evidence.fact(REVIEW_PAGE, item.id), "reason": item.reason} for item in items if item.kind == "facts"]
    sources = []
    for item in items:
        if item.kind == "sources":
            source = link.entity("sources", item.id)
            assert isinstance(source, Source)
            sources.append({"ref": link.ref(REVIEW_PAGE, "sources", item.id), "accessed": str(source.accessed)})
    view = {
        "as_of": str(as_of) if as_of else "",
        "figure_years": FIGURE_MAX_YEARS,
        "source_days": SOURCE_MAX_DAYS,
        "figures": figures,
        "sources": sources,
    }
    return Page(REVIEW_PAGE, "review.md.j2", "Due for review", view, tags=[])
