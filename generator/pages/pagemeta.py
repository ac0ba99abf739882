"""A page's front matter: its tags, a description of its own for search engines, its weight in site search, and,
at a retired entry's address, where the entry went."""

from __future__ import annotations

import html
import json
import re

from generator.pages.site import Page

DESCRIPTION_MAX = 160
SEARCH_BOOST = {
    "roles/": 10.0,
    "faq.md": 10.0,
    "facts/index.md": 5.0,
    "moves/": 5.0,
    "hiring/index.md": 10.0,
    "planner/index.md": 10.0,
}
"""Pages that answer a reader's question directly (a role, the FAQ, the figures, a career move, the hiring page,
the planner) rank first in site search: a path prefix (or a page) → its boost. The roles index is a list, not an
answer, and keeps the default weight."""

_LINK = re.compile(r"\[([^\]]*)\]\(<?[^)>]*>?\)")
_MARKUP = re.compile(r"[*_`]|\{[^}]*\}")
_ANCHOR = re.compile(r"\{\s*#[^}]*\}\s*$")
_TAG = re.compile(r"<[^<>]*>")
"""An HTML tag in the text (a basis mark is one): its words stay, the tag goes."""
_SKIPPED = ("#", "!", "|", "-", "<", "{", ">", "    ", "[", "Related terms:")


def description(markdown: str) -> str:
    """The page's opening paragraph as plain text (or, when it opens with its sections, their headings), cut at a
    word before DESCRIPTION_MAX characters.

    It is HTML-escaped here, because the theme prints it into an attribute as it is.
    """
    lines = markdown.splitlines()
    headings = [_ANCHOR.sub("", line[3:]).strip() for line in lines if line.startswith("## ")]
    paragraph: list[str] = []
    for line in lines:
        if line.startswith("## ") or (paragraph and (not line.strip() or line.startswith(_SKIPPED))):
            break
        if line.strip() and not line.startswith(_SKIPPED):
            paragraph.append(line.strip())
    plain = " ".join(paragraph) or "; ".join(headings[:4])
    text = re.sub(r"\s+", " ", html.unescape(_MARKUP.sub("", _TAG.sub("", _LINK.sub(r"\1", plain))))).strip()
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return html.escape(text, quote=True)


def boost(path: str) -> float | None:
    """The page's search boost, or None for the default weight."""
    if path in SEARCH_BOOST:
        return SEARCH_BOOST[path]
    if path.endswith("index.md"):
        return None
    return next((value for prefix, value in SEARCH_BOOST.items() if path.startswith(prefix)), None)


def front_matter(page: Page, markdown: str) -> str:
    """YAML front matter for a rendered page (values written as JSON, which is valid YAML), or '' if none."""
    meta: dict[str, object] = {}
    if page.tags:  # tags come from the model's fixed vocabularies, never from free text
        meta["tags"] = page.tags
    found = description(markdown)
    if found:
        meta["description"] = found
    weight = boost(page.path)
    if weight is not None:
        meta["search"] = {"boost": weight}
    if page.retired:
        meta |= {"search": {"exclude": True}, "retired": True}
    if page.moved_to:
        meta["moved_to"] = page.moved_to
    if page.hide:  # fixed names of the theme's page parts, chosen in the code
        meta["hide"] = page.hide
    if page.trail:  # titles and paths the generator chose, never contributor text
        meta["trail"] = [list(step) for step in page.trail]
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    if page.jsonld:  # one line of ASCII (no line separator YAML could fold), read back by the theme as it is
        lines += f"jsonld: {json.dumps(page.jsonld)}\n"
    return f"---\n{lines}---\n\n" if lines else ""
