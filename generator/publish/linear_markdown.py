"""A Python-Markdown extension that makes a page cost time linear in its text, whatever the text holds.

Two of Python-Markdown's processors cost more than linear time on the text contributors control; this module
puts a linear one with the same output in the place of each:

* `markdown.escape` writes every character Markdown could read as markup as a character reference (`&#60;`).
  Python-Markdown's `entity` pattern takes one reference per match, and each match copies the whole text of
  its paragraph or table cell again, so a cell with n references costs n² (60,000 `<` in one cell of the
  career ladder: about 25 s). The pattern here takes a whole run at once: from a reference to the last one
  before the next character that the one later inline pattern (emphasis) or a placeholder needs. Each
  reference is kept as raw HTML, as the `entity` pattern keeps it, and the text between them stays text.
* The `abbr` extension finds abbreviations with one regular expression of every abbreviation the page defines,
  which tries each of them at every word; a page with n abbreviations and text in proportion (the glossary)
  costs n². The finder here looks each word up in a table instead, with the same matches.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.inlinepatterns import ENTITY_RE, InlineProcessor
from markdown.util import AtomicString

_REFERENCE = ENTITY_RE.strip("()")
# From a reference to the last reference before anything the one later inline pattern (emphasis: `*`, `_`) or a
# placeholder of an earlier one (between \x02 and \x03) needs. It ends on a reference, so the character next to
# any `*` or `_` is what it would be with one reference per match: emphasis is found where it was.
RUN = rf"{_REFERENCE}(?:[^*_&\x02\x03]*+{_REFERENCE})*"
_ONE = re.compile(_REFERENCE)


class _Run(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        stored = _ONE.sub(lambda reference: self.md.htmlStash.store(reference.group()), m.group())
        return stored, m.start(), m.end()


_WORD = re.compile(r"\w+")
_BOUNDARY = re.compile(r"\b")


class _Finder:
    """Finds what `\\b(?:longest|…|shortest)\\b` over the abbreviations finds, one table look-up per word.

    An abbreviation that starts with a word character matches only where a word of the text starts, and that word
    is then the abbreviation's own first word; so the candidates at each word are the abbreviations with that
    first word, tried longest first as the regular expression tries them.
    """

    def __init__(self, abbreviations: list[str]) -> None:
        self._by_first_word: dict[str, list[str]] = {}
        for short in sorted(abbreviations, key=len, reverse=True):
            self._by_first_word.setdefault(_WORD.match(short).group(), []).append(short)  # type: ignore[union-attr]

    @staticmethod
    def handles(abbreviations: list[str]) -> bool:
        """Whether every abbreviation starts with a word character (the others need the regular expression)."""
        return all(_WORD.match(short) for short in abbreviations)

    def find(self, text: str) -> Iterator[tuple[int, str]]:
        """(where, abbreviation) for each abbreviation in `text`, in order."""
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            for short in self._by_first_word.get(word.group(), ()):
                if text.startswith(short, start) and _BOUNDARY.match(text, start + len(short)):
                    end = start + len(short)
                    yield start, short
                    break


class _Abbreviations(AbbrTreeprocessor):
    """The `abbr` tree processor with the finder above, and each element's children rebuilt once.

    Python-Markdown inserts each abbreviation into its parent one at a time and looks up the position of every
    child in its parent, which costs the square of the children of a long paragraph or table cell.
    """

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs or not _Finder.handles(list(self.abbrs)):
            super().run(root)
            return None
        self._finder = _Finder(list(self.abbrs))
        self._rebuild(root)
        return None

    def _rebuild(self, element: etree.Element) -> None:
        children: list[etree.Element] = []
        element.text = self._split(element.text, children)
        for child in list(element):
            self._rebuild(child)
            children.append(child)
            child.tail = self._split(child.tail, children)
        if len(children) != len(element):
            element[:] = children

    def _split(self, text: str | None, found: list[etree.Element]) -> str | None:
        """The text before its first abbreviation; each abbreviation, with the text after it, goes to `found`."""
        if not text or isinstance(text, AtomicString):
            return text
        matches = [(start, short) for start, short in self._finder.find(text) if self.abbrs[short]]
        if not matches:
            return text
        ends = [start for start, _ in matches[1:]] + [len(text)]
        for (start, short), until in zip(matches, ends, strict=True):
            found.append(self.create_element(self.abbrs[short], short, text[start + len(short) : until]))
        return text[: matches[0][0]]


class LinearMarkdown(Extension):
    """Puts the linear `entity` pattern and `abbr` tree processor above in the place of Python-Markdown's."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_Run(RUN, md), "entity", 80)
        if "abbr" in md.treeprocessors:
            md.treeprocessors.register(_Abbreviations(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)


def makeExtension(**kwargs: Any) -> LinearMarkdown:
    """The extension, as `markdown_extensions` in mkdocs.yml loads it by module name."""
    return LinearMarkdown(**kwargs)
