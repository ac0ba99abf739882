"""What prose may hold: figures quoted as {fact:ID}, never typed in, and abbreviations that mark no plain word."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.loader import Loc, dotted
from generator.content.models.base import ID_PATTERN, TERMS_MAX
from generator.content.models.evidence import Term


def abbreviations(content: Content) -> list[Issue]:
    """Each abbreviation is distinct, and holds two capitals or digits so that it never matches a plain word; each
    expansion has words (Python-Markdown reads a title of only quotes, '""' or "''", as removing the abbreviation)."""
    issues = []
    seen: dict[str, str] = {}
    for term_id, term in sorted(content.entities["terms"].items()):
        if not isinstance(term, Term):
            continue
        doc = content.document("terms", term_id)
        if not any(char.isalnum() for char in term.expansion):
            line, col = doc.position(("expansion",))
            problem = "has no letter or digit; write out the term in words (quotes alone would remove its tooltip)"
            issues.append(Issue(doc.path, line, col, f"expansion: {term.expansion!r} {problem}"))
        if term.abbreviation is None:
            continue
        line, col = doc.position(("abbreviation",))
        short = term.abbreviation
        if sum(char.isupper() or char.isdigit() for char in short) < 2:
            problem = "needs at least two capital letters or digits, or it would mark ordinary words"
            issues.append(Issue(doc.path, line, col, f"abbreviation: '{short}' {problem}"))
        elif short.casefold() in seen:
            problem = f"is already used by {seen[short.casefold()]}"
            issues.append(Issue(doc.path, line, col, f"abbreviation: '{short}' {problem}"))
        else:
            seen[short.casefold()] = doc.path
    return issues


FACT_REFERENCE = re.compile(r"\{fact:([^{}]*)\}")
"""How prose quotes a figure: `{fact:ID}` is replaced on the site by the fact's value, period, region and source."""


_PROSE_KINDS: tuple[str, ...] = ("roles", "levels", "skills", "responsibilities", "challenges", "opportunities")


_PROSE_KINDS += ("trends", "faqs", "comparisons", "transitions", "disputes", "duties", "frameworks")


def _prose(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string value inside an entity, with where it is."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _prose(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _prose(value, (*loc, key))


def fact_references(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    for loc, text in _prose(data):
        for match in FACT_REFERENCE.finditer(text):
            if ("facts", match.group(1)) not in content.present:
                hint = difflib.get_close_matches(match.group(1), [i for k, i in content.present if k == "facts"], n=1)
                suffix = f"; did you mean '{hint[0]}'?" if hint else ""
                yield loc, f"unknown fact '{match.group(1)}' in '{match.group(0)}'{suffix}"


def _spellings(value: float) -> list[str]:
    """How a fact's value may be typed in prose (146085, 146,085); none for a figure too small to tell apart."""
    if value != int(value):
        return [f"{value:g}"]
    return [f"{int(value)}", f"{int(value):,}"] if abs(value) >= 100 else []


def typed_figures(content: Content) -> list[Issue]:
    """A figure of three or more digits typed into prose, where a fact holds it, must be quoted as {fact:ID}.

    All the facts' spellings go into one pattern, so the check reads each text once however many facts there are.
    """
    owner: dict[str, str] = {}
    for fact_id, fact in sorted(content.entities["facts"].items()):
        value = getattr(fact, "value", None)
        values = [value] if isinstance(value, float | int) else [value.min, value.max] if value is not None else []
        for number in values:
            for spelling in _spellings(float(number)):
                owner.setdefault(spelling, fact_id)
    if not owner:
        return []
    spellings = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\d.,])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\d]|[.,]\d)")
    issues = []
    for (kind, entity_id), doc in sorted(content.documents.items()):
        if kind not in _PROSE_KINDS or entity_id not in content.entities[kind]:
            continue
        for loc, text in _prose(doc.data):
            if re.fullmatch(ID_PATTERN, text):
                continue  # an id such as 'entry-level-salary-up-to-98000' names a fact; it does not quote one
            found = pattern.search(FACT_REFERENCE.sub(" ", text))
            if found:
                fact_id = owner[found.group(0)]
                line, col = doc.position(loc)
                message = f"'{found.group(0)}' is the figure of fact '{fact_id}'; write {{fact:{fact_id}}} instead"
                issues.append(Issue(doc.path, line, col, f"{dotted(loc)}: {message}"))
    return issues


def glossary_size(content: Content) -> list[Issue]:
    """The glossary page holds every term, so their number is limited; the first term past the limit is named."""
    terms = sorted(content.entities["terms"])
    if len(terms) <= TERMS_MAX:
        return []
    path = content.document("terms", terms[TERMS_MAX]).path
    problem = f"the glossary holds at most {TERMS_MAX} terms and there are {len(terms)}"
    return [Issue(path, 1, 1, f"{problem}; this is the first past the limit (by id): merge or remove terms")]
