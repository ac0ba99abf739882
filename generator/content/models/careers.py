"""Roles and the ladder: levels, a role's skills and proficiencies, career moves and comparisons."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.content.models.base import (
    LIST_MAX_ITEMS,
    Basis,
    Entity,
    Family,
    GlossBasis,
    Id,
    Ids,
    Importance,
    Keywords,
    Locator,
    Name,
    Names,
    Proficiency,
    Sources,
    Text,
)
from generator.content.models.learning import Phase
from generator.content.models.levelling import FrameworkMapping, LevelDimension, Statement
from generator.content.models.sources import (
    Citation,
    Codes,
)


class Level(Entity):
    """A seniority rung; `rank` orders the rungs from junior upwards."""

    title: Name
    rank: int = Field(ge=1, le=20, description="Position on the ladder: 1 is the most junior.")
    rank_basis: Basis = Field(description="Whether a source places this rung there, or the handbook does.")
    rank_locator: Locator | None = None
    also_called: Names = []
    summary: Text
    expectations: Annotated[list[Text], Field(min_length=1, max_length=LIST_MAX_ITEMS)]
    responsibilities: Ids = Field(default=[], description="Responsibilities that start at this level.")
    purpose: Text | None = Field(default=None, description="Why the level exists, in one sentence, for a job outline.")
    dimensions: Annotated[list[LevelDimension], Field(max_length=20)] = Field(
        default=[], description="What the level asks by dimension (scope, autonomy, impact, ...), each cited."
    )
    mappings: Annotated[list[FrameworkMapping], Field(max_length=20)] = Field(
        default=[], description="The levels of public frameworks this level corresponds to, each with its basis."
    )
    look_for: Annotated[list[Statement], Field(max_length=20)] = Field(
        default=[], description="What a hiring manager can look for as evidence that a candidate works at this level."
    )
    sources: Sources


class ProficiencyValue(Entity):
    """The proficiency a role expects in a skill, at one level or (without `level`) for the whole role."""

    level: Id | None = Field(default=None, description="A level of the role; leave out for roles without levels.")
    value: Proficiency
    basis: Basis
    locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")


class RoleSkill(Entity):
    """A skill a role needs, with how essential it is and the proficiency per level."""

    skill: Id
    importance: Importance
    importance_basis: Basis
    importance_locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")
    proficiency: Annotated[list[ProficiencyValue], Field(min_length=1, max_length=20)]
    note: Text | None = None
    sources: Ids = Field(
        default=[], description="The sources that name this skill for this role; required for stated or derived values."
    )


class PriorRole(Entity):
    """A job or setting people come from before taking this role."""

    title: Name
    role: Id | None = Field(default=None, description="The handbook role this corresponds to, if any.")
    note: Text | None = None
    sources: Sources


CoverageSection = Literal["skills", "responsibilities", "tools", "education", "backgrounds", "prior_roles"]
"""The sections of a role whose completeness is recorded."""


Coverage = Literal["described", "partial", "not-recorded"]
"""'described': the sources describe the section as a whole; 'partial': they mention some of it, so what is
missing is unknown, not absent; 'not-recorded': they say nothing about it."""


class Role(Entity):
    """A job: the ML engineer, one of its variants, or an adjacent role it is compared with."""

    title: Name
    also_called: Names = []
    keywords: Keywords = []
    summary: Text
    short: Text | None = Field(
        default=None,
        description=(
            "What the job is in one sentence of at most 30 words, in your own words from the summary and covered by "
            "its sources; the role's page opens with it."
        ),
    )
    family: Family
    variant_of: Id | None = None
    levels: Annotated[list[Id], Field(max_length=20, description="Level ids, junior first.")] = []
    responsibilities: Ids = []
    skills: Annotated[list[RoleSkill], Field(max_length=LIST_MAX_ITEMS)] = []
    tools: Ids = []
    challenges: Ids = []
    opportunities: Ids = []
    education: Annotated[list[Citation], Field(max_length=LIST_MAX_ITEMS)] = []
    backgrounds: Annotated[list[Citation], Field(max_length=LIST_MAX_ITEMS)] = []
    prior_roles: Annotated[list[PriorRole], Field(max_length=LIST_MAX_ITEMS)] = []
    coverage: dict[CoverageSection, Coverage] = Field(
        default={},
        description="How completely the sources describe each section of the role; a section left out is not recorded.",
    )
    compare_with: Ids = Field(
        default=[], description="Roles to compare this one with on a generated side-by-side page."
    )
    codes: Codes = []
    sources: Sources

    def coverage_of(self, section: str) -> str:
        """How completely the sources describe one section: 'described', 'partial' or 'not-recorded'."""
        return next((said for name, said in self.coverage.items() if name == section), "not-recorded")


TransitionKind = Literal["promotion", "lateral", "pivot", "entry"]
"""How a career move relates the two positions; 'entry' is a first job in the field, from study or training."""


class Demonstration(Entity):
    """A way to show the skills of one phase of a learning path: a project outline or an artefact to show."""

    phase: Phase = Field(
        description="The phase whose skills it shows: foundations, machine-learning, production or collaboration."
    )
    text: Text
    basis: GlossBasis = Field(
        default="editorial",
        description="'sourced' when a cited source gives this advice; 'editorial' when it is the handbook's own.",
    )
    sources: Ids = Field(default=[], description="The sources that give this advice; required when it is sourced.")


class RouteSkill(Entity):
    """A skill that a source describing a move names as one to learn for it."""

    skill: Id = Field(description="A skill the goal role lists.")
    sources: Sources = Field(description="Those of the move's route sources that name the skill.")


class Transition(Entity):
    """A career move from one role (or level) to another; its page is a learning path."""

    from_role: Id
    from_level: Id | None = None
    to_role: Id
    to_level: Id | None = None
    kind: TransitionKind
    kind_basis: Basis = Field(description="Whether a source calls the move a promotion, lateral move, pivot or entry.")
    kind_locator: Locator | None = None
    rationale: Text
    route_sources: Ids = Field(
        default=[],
        description="Those of the sources that describe this route itself (what to learn for it); empty when none "
        "does, and the page then says so.",
    )
    route_skills: Annotated[list[RouteSkill], Field(max_length=50)] = Field(
        default=[],
        description="Skills the route sources name as what to learn for this move; the path takes them first.",
    )
    demonstrations: Annotated[list[Demonstration], Field(max_length=20)] = Field(
        default=[], description="One or two ways to show the skills of each phase, for a hiring manager."
    )
    sources: Sources


class Dimension(Entity):
    """One row of a curated comparison."""

    name: Name
    left: Text
    right: Text
    left_refs: Ids = Field(default=[], description="Responsibility or skill ids the left cell is about.")
    right_refs: Ids = Field(default=[], description="Responsibility or skill ids the right cell is about.")


class Comparison(Entity):
    """A curated side-by-side of two roles."""

    title: Name
    left: Id
    right: Id
    summary: Text | None = None
    dimensions: Annotated[list[Dimension], Field(min_length=1, max_length=LIST_MAX_ITEMS)]
    sources: Sources
