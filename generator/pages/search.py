"""Site search's everyday words: the synonym groups of content/synonyms/ as a script the search page loads."""

from __future__ import annotations

import json

from generator.content.checker import Content
from generator.content.models.search import Synonyms

SCRIPT = "assets/javascripts/search-words.js"
"""Where the groups are published; loaded before search.js, which widens every query with them."""


def words_script(content: Content) -> str:
    """The groups as a script that sets `window.handbookSearchWords`, in id order (a script, not JSON, so that
    the offline copy reads it from file:// too)."""
    groups = [
        {"id": group_id, "words": list(group.words), "say": list(group.pages_say)}
        for group_id, group in sorted(content.entities["synonyms"].items())
        if isinstance(group, Synonyms)
    ]
    return "window.handbookSearchWords = " + json.dumps(groups, ensure_ascii=True, indent=0) + ";\n"
