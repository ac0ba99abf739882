"""Making contributor text safe to place in generated Markdown: escaping, URL allow-list, relative links."""

from __future__ import annotations

import functools
import html
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


# The same titles, addresses and paths come up thousands of times in one build, so the pure functions below
# remember their recent answers.
_remember = functools.lru_cache(maxsize=1 << 16)


def escape(text: object) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    return _escape(str(text))


@_remember
def _escape(text: str) -> str:
    collapsed = _SPACE.sub(" ", text).strip()
    return _BLOCK_START.sub(_entity, _SPECIAL.sub(_entity, collapsed))


def escape_part(text: object) -> str:
    """Like `escape`, for a piece of a sentence: a space at either end is kept, so pieces join as written."""
    raw = str(text)
    lead = " " if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() and raw.strip() else ""
    return lead + escape(raw) + trail


@_remember
def safe_url(url: str | None) -> str | None:
    """The URL if it is https:// or a relative path without a scheme, else None (the link is dropped).

    A relative path keeps a query (`../planner/index.md?to=ml-engineer`): the planner reads its goal from it.
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.netloc:
        return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")
    if not parts.scheme and not parts.netloc and not url.startswith(("/", "\\")):
        return quote(url.strip(), safe="/#%-._~?=&")
    return None


def link(text: str, url: str | None) -> str:
    """A Markdown link with escaped text, or the escaped text alone when the URL is not allowed."""
    target = safe_url(url)
    label = escape(text)
    if target is None:
        return label
    return f"[{label}](<{target}>)"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for clean docs-relative paths, without asking the OS for the working folder."""
    to_parts, from_parts = path.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(to_parts), len(from_parts)) and to_parts[common] == from_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


@_remember
def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative Markdown link target from one generated page to another (paths are docs-relative .md files)."""
    target = _relpath(to_page, posixpath.dirname(from_page))
    if to_page == from_page:
        target = ""
    return target + (f"#{anchor}" if anchor else "") if target or anchor else posixpath.basename(to_page)


_ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+/&. -]{0,30}$")
_WORD = re.compile(r"\w+")
# Markup that is gone from the text the `abbr` extension searches, where it may have separated two words.
_MARKUP = re.compile(r"[*_`\[\]()<>#|]")


class Abbreviations:
    """The `abbr` definitions of the glossary, handed out per page: only those whose abbreviation the page uses.

    A page that carried every definition would grow, and parse more slowly, with the whole glossary.
    """

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._definitions: dict[str, str] = {
            short: f"*[{short}]: {_SPACE.sub(' ', long).strip()}"
            for short, long in sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))
            if _ABBREVIATION.match(short)
        }
        self._by_first_word: dict[str, list[str]] = {}
        for short in self._definitions:
            self._by_first_word.setdefault(_WORD.match(short).group(), []).append(short)  # type: ignore[union-attr]
        self._patterns: dict[str, re.Pattern[str]] = {}

    def used_in(self, text: str) -> list[str]:
        """The abbreviations that occur in `text` as the `abbr` extension matches them: whole words, case kept.

        The text is searched as written (entities decoded) and with its markup as spaces; a match in either
        counts, so a definition that the rendered page needs is never left out. An abbreviation that is one
        word occurs exactly when it is one of the text's words, so only the others need a search.
        """
        written = html.unescape(text)
        spaced = _MARKUP.sub(" ", written)
        words = set(_WORD.findall(spaced))
        found = set()
        for word in words & self._by_first_word.keys():
            for short in self._by_first_word[word]:
                if short == word or any(
                    short in variant and self._pattern(short).search(variant) for variant in (written, spaced)
                ):
                    found.add(short)
        return sorted(found, key=lambda short: (-len(short), short))

    def footer(self, text: str | None = None) -> str:
        """The definitions to append to a page whose Markdown is `text` (all of them without `text`).

        Each is a block of its own: Python-Markdown offers what is left of a block to every block processor after
        each definition it takes, which would cost the square of the definitions written as one block.
        """
        used = self._definitions if text is None else self.used_in(text)
        lines = [self._definitions[short] for short in used]
        return "\n" + "\n\n".join(lines) + "\n" if lines else ""

    def _pattern(self, short: str) -> re.Pattern[str]:
        if short not in self._patterns:
            self._patterns[short] = re.compile(rf"\b{re.escape(short)}\b")
        return self._patterns[short]


def abbreviations(pairs: list[tuple[str, str]], text: str | None = None) -> str:
    """Python-Markdown `abbr` definitions to append to a page, so its abbreviations get a tooltip.

    With `text`, only the definitions that page uses; without, every definition. The expansion becomes an
    HTML attribute, which the Markdown library escapes itself; an abbreviation that is not a plain word-like
    token is left out rather than risk changing how the page parses.
    """
    return Abbreviations(pairs).footer(text)
