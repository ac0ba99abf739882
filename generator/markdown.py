"""Making contributor text safe to place in generated Markdown: escaping, URL allow-list, relative links."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, urlsplit

# Characters that Markdown, attr_list ({: ...}), tables (|), raw HTML (<, &) or a heading's closing hashes (#)
# give a meaning to anywhere in a line; and what starts a block (heading, list, quote, rule, admonition) at the
# start of one. Each becomes a numeric character reference, which Markdown prints as the character itself and
# never interprets.
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&|~#]")
_BLOCK_START = re.compile(r"^(?:[!+=-]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")


def _entity(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in match.group())


def escape(text: object) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    collapsed = _SPACE.sub(" ", str(text)).strip()
    return _BLOCK_START.sub(_entity, _SPECIAL.sub(_entity, collapsed))


def escape_part(text: object) -> str:
    """Like `escape`, for a piece of a sentence: a space at either end is kept, so pieces join as written."""
    raw = str(text)
    lead = " " if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() and raw.strip() else ""
    return lead + escape(raw) + trail


def safe_url(url: str | None) -> str | None:
    """The URL if it is https:// or a relative path without a scheme, else None (the link is dropped)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.netloc:
        return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")
    if not parts.scheme and not parts.netloc and not url.startswith(("/", "\\")):
        return quote(url.strip(), safe="/#%-._~")
    return None


def link(text: str, url: str | None) -> str:
    """A Markdown link with escaped text, or the escaped text alone when the URL is not allowed."""
    target = safe_url(url)
    label = escape(text)
    if target is None:
        return label
    return f"[{label}](<{target}>)"


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative Markdown link target from one generated page to another (paths are docs-relative .md files)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    if to_page == from_page:
        target = ""
    return target + (f"#{anchor}" if anchor else "") if target or anchor else posixpath.basename(to_page)


_ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+/&. -]{0,30}$")


def abbreviations(pairs: list[tuple[str, str]]) -> str:
    """Python-Markdown `abbr` definitions appended to a page, so every abbreviation gets a tooltip.

    The expansion becomes an HTML attribute, which the Markdown library escapes itself; an abbreviation
    that is not a plain word-like token is left out rather than risk changing how the page parses.
    """
    lines = [
        f"*[{short}]: {_SPACE.sub(' ', long).strip()}"
        for short, long in sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))
        if _ABBREVIATION.match(short)
    ]
    return "\n" + "\n".join(lines) + "\n" if lines else ""
