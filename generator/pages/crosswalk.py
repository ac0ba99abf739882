"""Classification codes (O*NET-SOC, ISCO-08, ESCO, SFIA, IfATE) of a role or skill, as views for its page."""

from __future__ import annotations

from typing import Any

from generator.content.models.sources import CODE_SCHEME_NAMES, Code
from generator.pages.site import Linker


def codes(link: Linker, page: str, items: list[Code]) -> list[dict[str, Any]]:
    """Each code with its scheme's name, the concept's name there, how near it is, and the page that publishes it."""
    return [
        {
            "scheme": CODE_SCHEME_NAMES[item.scheme],
            "code": item.code,
            "title": item.title,
            "match": item.match,
            "source": link.ref(page, "sources", item.source),
        }
        for item in items
    ]
