"""What the handbook knows and how: basis marks, figures with their context, and where the sources disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.content.checker import Content
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import ProficiencyValue, RoleSkill
from generator.content.models.evidence import Dispute, Fact
from generator.content.models.sources import Source
from generator.content.rules.prose import FACT_REFERENCE
from generator.pages.site import Linker, Ref

SCALE_PAGE = "scale.md"
DISPUTES_PAGE = "disputes.md"

SYMBOLS = {"derived": "≈", "editorial": "✎"}
"""How a value's basis shows next to it; nothing when a source states it in words."""
MEANINGS = {"derived": "read from a source's wording", "editorial": "the handbook's judgement"}
"""What each mark means, in the words a reader sees on hover, focus or touch and a screen reader says."""

_CURRENCY_WORDS = {"USD": "dollars", "INR": "rupees", "EUR": "euros", "GBP": "pounds"}


def mark(basis: str) -> str:
    """The mark printed after a value with this basis, as HTML that explains itself in place: the symbol shows its
    meaning on hover, focus and touch (tooltips.js reads the title) and a screen reader says it in words."""
    if basis not in SYMBOLS:
        return ""
    meaning = MEANINGS[basis]
    return f' <abbr class="basis-mark" role="img" title="{meaning}" aria-label="{meaning}">{SYMBOLS[basis]}</abbr>'


def proficiency_cell(entry: RoleSkill, level: str | None) -> dict[str, Any]:
    """One level's cell of a role's skill entry: the value, its basis mark and the words it is read from."""
    value: ProficiencyValue | None = next((item for item in entry.proficiency if item.level == level), None)
    if value is None:
        return {"value": "", "mark": "", "basis": "", "locator": "", "rank": 0}
    rank = PROFICIENCY_ORDER.index(value.value) + 1  # tables sort a level by its place on the scale
    return {
        "value": value.value,
        "mark": mark(value.basis),
        "basis": value.basis,
        "locator": value.locator or "",
        "rank": rank,
    }


def importance(entry: RoleSkill) -> str:
    """Importance with its basis mark and how many sources name the skill for the role."""
    named = len(entry.sources)
    count = f"{named} source" + ("" if named == 1 else "s") if named else "no source"
    return f"{entry.importance}{mark(entry.importance_basis)} ({count})"


def _number(value: float, *, year: bool, money: bool = False) -> str:
    if year:
        return f"{value:.0f}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}" if money else f"{value:,}"  # an amount of money keeps its cents: 46.10, not 46.1


def figure(fact: Fact) -> str:
    """A fact's value as it reads: years as years, thousands separated, the currency named once."""
    year = fact.unit.strip().lower() in ("year", "years", "calendar year")
    value = fact.value
    money = fact.currency is not None
    shown = (
        _number(value, year=year, money=money)
        if isinstance(value, int | float)
        else f"{_number(value.min, year=year, money=money)}–{_number(value.max, year=year, money=money)}"
    )
    unit = "" if year else fact.unit
    if fact.currency:
        word = _CURRENCY_WORDS.get(fact.currency, "")
        rest = re.sub(rf"^{word}\b,?\s*", "", unit) if word else unit
        if rest != unit and rest:  # "dollars, pay period not stated": the currency is already named
            rest = f"({rest})"
        return f"{fact.currency} {shown} {rest}".strip()
    return f"{shown} {unit}".strip()


def sort_key(fact: Fact) -> float:
    """The number a facts table sorts by."""
    return float(fact.value if isinstance(fact.value, int | float) else fact.value.min)


def published(source: Source) -> str:
    """When a source was published or last updated, or 'not stated'."""
    return "not stated" if source.date in ("unknown", "not stated") else str(source.date)


def unstated(value: str) -> bool:
    """Whether a region or period is one the source does not state."""
    return value.startswith("not stated")


def age(period: str, source: Source) -> str:
    """How old a figure is: the period its data covers, or, when the source gives none, when the source appeared."""
    if not unstated(period):
        return period
    noun = "article" if source.kind == "article" else "source"
    if isinstance(source.date, str):
        return f"{noun} undated; data year not given"
    return f"{noun} published {source.date.year}; data year not given"


def context(region: str, period: str, source: Source) -> str:
    """Where a figure applies and how old it is, in one phrase that never drops an unstated part."""
    where = "region not stated" if unstated(region) else region
    phrase = f"{where}, {age(period, source)}"
    return phrase[:1].upper() + phrase[1:]


def short_name(source: Source) -> str:
    """A source named in a few words: its author's surname, else its publisher, else its title."""
    if source.author:
        return source.author.split()[-1]
    return source.publisher or source.title


@dataclass(frozen=True)
class Part:
    """A piece of prose: plain text, or a figure quoted from a fact with its context."""

    text: str
    fact: dict[str, Any] | None = None


class Evidence:
    """Looks up what supports a statement: facts in context, disputes about an entry."""

    def __init__(self, content: Content, linker: Linker) -> None:
        self.content = content
        self.link = linker
        self.disputes_by_entry: dict[tuple[str, str], list[str]] = {}
        for dispute_id, dispute in sorted(content.entities["disputes"].items()):
            assert isinstance(dispute, Dispute)
            for mention in dispute.mentions:
                self.disputes_by_entry.setdefault((mention.kind, mention.id), []).append(dispute_id)

    def fact(self, page: str, fact_id: str, *, disputes: bool = True) -> dict[str, Any]:
        """A fact as a view: its figure and all the context it must never lose.

        `disputes=False` leaves out the disagreements about it, for a fact quoted inside a disagreement.
        """
        fact = self.link.entity("facts", fact_id)
        assert isinstance(fact, Fact)
        source = self.link.entity("sources", fact.source)
        assert isinstance(source, Source)
        return {
            "anchor": fact_id,
            "ref": self.link.ref(page, "facts", fact_id),
            "statement": fact.statement,
            "value": figure(fact),
            "sort": f"{sort_key(fact):f}".rstrip("0").rstrip("."),  # plain digits: 1000000, never 1e+06
            "region": fact.region,
            "period": fact.period,
            "age": age(fact.period, source),
            "published": published(source),
            "official": source.kind == "official-statistics",
            "source": self.link.ref(page, "sources", fact.source),
            "attribution": fact.attribution or "",
            "note": fact.note or "",
            "metric": fact.metric,
            "context": context(fact.region, fact.period, source),
            "by": short_name(source),
            "role": self.link.ref(page, "roles", fact.role),
            "level": self.link.ref(page, "levels", fact.level) if fact.level else None,
            "disputes": self.about(page, "facts", fact_id) if disputes else [],
        }

    def prose(self, page: str, text: str, *, disputes: bool = True) -> list[Part]:
        """Text split at its {fact:ID} references, each replaced by the fact in context."""
        parts: list[Part] = []
        position = 0
        for match in FACT_REFERENCE.finditer(text):
            parts.append(Part(text[position : match.start()]))
            parts.append(Part("", self.fact(page, match.group(1), disputes=disputes)))
            position = match.end()
        parts.append(Part(text[position:]))
        return [part for part in parts if part.text or part.fact]

    def about(self, page: str, kind: str, entity_id: str) -> list[dict[str, Any]]:
        """The disputes that concern an entry, each with its positions and a link to the disagreements page."""
        return [self.dispute(page, dispute_id) for dispute_id in self.disputes_by_entry.get((kind, entity_id), [])]

    def dispute(self, page: str, dispute_id: str) -> dict[str, Any]:
        """One disagreement: the question, the summary and each position with its sources."""
        dispute = self.link.entity("disputes", dispute_id)
        assert isinstance(dispute, Dispute)
        return {
            "id": dispute_id,
            "ref": self.link.ref(page, "disputes", dispute_id),
            "title": dispute.title,
            "summary": self.prose(page, dispute.summary, disputes=False),
            "positions": [
                {
                    "statement": self.prose(page, position.statement, disputes=False),
                    "locator": position.locator or "",
                    "sources": self.link.refs(page, "sources", position.sources),
                }
                for position in dispute.positions
            ],
            "mentions": [self.link.ref(page, mention.kind, mention.id) for mention in dispute.mentions],
        }

    def scale(self, page: str) -> Ref:
        """The link every proficiency table carries to the definitions of its values."""
        return self.link.page_ref(page, SCALE_PAGE, "proficiency scale")
