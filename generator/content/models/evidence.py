"""Figures, disputes and reference entries: facts, glossary terms, FAQs, the scale, retired ids."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.content.models.base import (
    LIST_MAX_ITEMS,
    Abbreviation,
    Entity,
    GlossBasis,
    Id,
    Ids,
    Keywords,
    Locator,
    Name,
    Number,
    Sources,
    Text,
)

Metric = Literal["salary", "demand", "background"]
"""What a fact measures."""


class Range(Entity):
    """A value given as a range."""

    min: Number
    max: Number

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"the range runs backwards: min {self.min:g} is greater than max {self.max:g}")
        return self


class Fact(Entity):
    """One statistic, exactly as a source reports it."""

    statement: Name = Field(description="What the figure says, in a short phrase.")
    keywords: Keywords = []
    metric: Metric
    value: Number | Range
    unit: Name = Field(description="e.g. 'per year', 'percent', 'times'.")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    region: Name
    period: Name = Field(description="The time the figure refers to as the source gives it, or 'not stated'.")
    role: Id
    level: Id | None = None
    source: Id
    attribution: Name | None = Field(default=None, description="How the source got it, e.g. 'attributed to Indeed'.")
    note: Text | None = None


class Term(Entity):
    """A glossary entry."""

    abbreviation: Abbreviation | None = None
    expansion: Name
    definition: Text
    keywords: Keywords = []
    definition_basis: GlossBasis = Field(
        default="sourced", description="'editorial' when the handbook explains a term its sources only mention."
    )
    sources: Sources


class Position(Entity):
    """One side of a disagreement between sources."""

    statement: Text
    locator: Locator | None = None
    sources: Sources


MentionKind = Literal[
    "roles",
    "levels",
    "skills",
    "responsibilities",
    "tools",
    "challenges",
    "opportunities",
    "trends",
    "facts",
    "transitions",
    "comparisons",
    "terms",
    "faqs",
    "duties",
]
"""The content folders whose entries can state one side of a disagreement."""


class Mention(Entity):
    """An entry of the handbook that states one side of a disagreement."""

    kind: MentionKind
    id: Id


class Dispute(Entity):
    """A question on which the sources disagree, with each position and its sources."""

    title: Name
    summary: Text
    positions: Annotated[list[Position], Field(min_length=2, max_length=10)]
    mentions: Annotated[list[Mention], Field(min_length=1, max_length=LIST_MAX_ITEMS)] = Field(
        description="Entries that state one side; each shows the disagreement next to what it says."
    )


class ScaleLevel(Entity):
    """One level of the proficiency scale: what it means and what someone at that level can do."""

    title: Name
    definition: Text
    can_do: Annotated[list[Text], Field(min_length=1, max_length=20)]
    basis: GlossBasis = Field(description="'editorial': the scale is the handbook's own; no source uses it.")
    sources: Ids = []


RetireReason = Literal["renamed", "merged", "removed"]
"""Why a published id went out of use: renamed or merged into another entity, or removed without a successor."""


class RetiredId(Entity):
    """An id that was published once and is no longer in use, and what took its place."""

    id: Id
    reason: RetireReason
    replaced_by: Id | None = Field(
        default=None, description="The id of the same kind that took its place; required unless the reason is removed."
    )
    note: Text | None = None


class Retired(Entity):
    """Ids of one kind that were published and are no longer in use, in a file named after the kind's folder.

    For example retired/skills.yaml lists retired skill ids. Saved assessments that name an old id are carried
    over to its replacement.
    """

    ids: Annotated[list[RetiredId], Field(min_length=1, max_length=LIST_MAX_ITEMS)]


class Faq(Entity):
    """A frequently asked question."""

    question: Name
    answer: Text
    keywords: Keywords = []
    order: int | None = Field(
        default=None, ge=1, le=1000, description="Place on the FAQ page, the most asked first; unplaced ones follow."
    )
    sources: Sources
