"""Levelling: what a level asks of a person by dimension, and public frameworks whose levels a level maps to."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.content.models.base import (
    Basis,
    Entity,
    Id,
    Ids,
    Locator,
    Name,
    Sources,
    Text,
)

DimensionName = Literal["scope", "autonomy", "impact", "technical-depth", "leadership"]
"""What a level is described by when levels are set side by side: how much of the work it owns, how much direction
it needs, how far its effect reaches, how deep its technical knowledge goes, and whom it leads or influences."""


DIMENSION_NAMES: dict[str, str] = {
    "scope": "Scope",
    "autonomy": "Autonomy",
    "impact": "Impact",
    "technical-depth": "Technical depth",
    "leadership": "Leadership and influence",
}


class Statement(Entity):
    """A short statement in the handbook's words, with where it comes from."""

    text: Text
    basis: Basis
    locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")
    sources: Ids = Field(default=[], description="The sources it comes from; required unless the basis is editorial.")


class LevelDimension(Statement):
    """What a level asks on one dimension, in a sentence or two."""

    dimension: DimensionName


class FrameworkMapping(Entity):
    """The levels of a public framework that a handbook level corresponds to, and why."""

    framework: Id
    levels: Annotated[list[Id], Field(max_length=20)] = Field(
        default=[], description="Ids of the framework's levels this level corresponds to; none when no level does."
    )
    basis: Basis = Field(
        description="'stated' or 'derived' when a cited source gives the correspondence; 'editorial' when the "
        "handbook matches the two descriptions itself."
    )
    locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")
    rationale: Text = Field(description="Why the levels correspond, in a sentence or two.")
    sources: Sources


FrameworkKind = Literal["skills-framework", "government-framework", "career-ladder"]
"""A cross-industry skills framework (SFIA), a government's profession framework, or an employer's published
career ladder."""


FRAMEWORK_KIND_NAMES: dict[str, str] = {
    "skills-framework": "Skills framework",
    "government-framework": "Government framework",
    "career-ladder": "Employer's career ladder",
}


class FrameworkLevel(Entity):
    """One level of a framework, named as the framework names it."""

    id: Id
    name: Name = Field(description="The level's name exactly as the framework prints it.")
    summary: Text | None = Field(default=None, description="What the level asks, in the handbook's words.")
    sources: Ids = Field(default=[], description="The pages that describe this level, if not the framework's own.")


class Framework(Entity):
    """A public levelling framework: its levels in order, the most junior first."""

    title: Name
    short_title: Name | None = Field(default=None, description="A name of a few words for tight spaces: 'SFIA 9'.")
    kind: FrameworkKind
    publisher: Name
    levels: Annotated[list[FrameworkLevel], Field(min_length=1, max_length=20)]
    note: Text | None = Field(default=None, description="What the levels listed cover, and what they leave out.")
    sources: Sources
