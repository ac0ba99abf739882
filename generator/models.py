"""The content model: one pydantic class per kind of entity, the single source of truth for the schema."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 64

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Sources = Annotated[list[Id], Field(min_length=1, description="Ids of the sources this entry is based on.")]
# No needless escapes: the pattern goes into the JSON Schema, whose validators read it as an ECMA-262 (unicode)
# regular expression, where an escaped quote such as \" is a syntax error.
Url = Annotated[str, StringConstraints(pattern=r"""^https://[^\s<>"']+$""")]
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_text(value: object) -> object:
    """Read a quoted YYYY-MM-DD as the date it names, as the schema's `format: date` (and so every editor) does."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError("date_invalid", "not a real date: {reason}", {"reason": str(exc)}) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_date_text)] | Literal["unknown"]


class Entity(BaseModel):
    """Common settings: unknown keys are rejected and no value is coerced from another type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Family = Literal["machine-learning", "data", "software"]
"""Which field a role belongs to."""


Importance = Literal["essential", "optional"]
"""How much a role depends on a skill."""


Proficiency = Literal["awareness", "working", "practitioner", "expert"]
"""The one proficiency scale, from least to most."""


PROFICIENCY_ORDER: tuple[str, ...] = get_args(Proficiency)


Basis = Literal["sourced", "editorial"]
"""Where a value comes from: a cited source, or the handbook's own editorial judgement."""


class Source(Entity):
    """An article or data set the handbook cites."""

    title: Text
    author: Text | None = None
    publisher: Text | None = None
    date: Date = Field(description="Publication or last-updated date (YYYY-MM-DD), or 'unknown'.")
    url: Url | None = None
    notes: Text | None = None


class Level(Entity):
    """A seniority rung; `rank` orders the rungs from junior upwards."""

    title: Text
    rank: int = Field(ge=1, le=20, description="Position on the ladder: 1 is the most junior.")
    also_called: list[Text] = []
    summary: Text
    expectations: Annotated[list[Text], Field(min_length=1)]
    responsibilities: list[Id] = Field(default=[], description="Responsibilities that start at this level.")
    sources: Sources


class ProficiencyValue(Entity):
    """The proficiency a role expects in a skill, at one level or (without `level`) for the whole role."""

    level: Id | None = Field(default=None, description="A level of the role; leave out for roles without levels.")
    value: Proficiency
    basis: Basis = Field(description="'sourced' when an article states it, 'editorial' for our own judgement.")


class RoleSkill(Entity):
    """A skill a role needs, with how essential it is and the proficiency per level."""

    skill: Id
    importance: Importance
    proficiency: Annotated[list[ProficiencyValue], Field(min_length=1)]
    note: Text | None = None
    sources: list[Id] = Field(default=[], description="Required when any proficiency value is 'sourced'.")


class Citation(Entity):
    """A short statement written in our own words, with its sources."""

    text: Text
    sources: Sources


class PriorRole(Entity):
    """A job or setting people come from before taking this role."""

    title: Text
    role: Id | None = Field(default=None, description="The handbook role this corresponds to, if any.")
    note: Text | None = None
    sources: Sources


class Role(Entity):
    """A job: the ML engineer, one of its variants, or an adjacent role it is compared with."""

    title: Text
    also_called: list[Text] = []
    summary: Text
    family: Family
    variant_of: Id | None = None
    levels: list[Id] = Field(default=[], description="Level ids, junior first.")
    responsibilities: list[Id] = []
    skills: list[RoleSkill] = []
    tools: list[Id] = []
    challenges: list[Id] = []
    opportunities: list[Id] = []
    education: list[Citation] = []
    backgrounds: list[Citation] = []
    prior_roles: list[PriorRole] = []
    compare_with: list[Id] = Field(
        default=[], description="Roles to compare this one with on a generated side-by-side page."
    )
    sources: Sources


SkillCategory = Literal[
    "programming", "ml-and-data", "math-and-statistics", "infrastructure", "software-engineering", "soft-skill", "trait"
]
"""Groups skills on the skills index."""


class Skill(Entity):
    """Something a person knows or can do."""

    name: Text
    category: SkillCategory
    description: Text
    tools: list[Id] = []
    sources: Sources


class Responsibility(Entity):
    """A duty that a role carries."""

    title: Text
    description: Text
    sources: Sources


ToolType = Literal["language", "framework", "library", "platform"]
"""What sort of tool an entry is."""


class Tool(Entity):
    """A programming language, framework, library or platform."""

    name: Text
    type: ToolType
    description: Text
    url: Url | None = None
    sources: Sources


class Challenge(Entity):
    """A difficulty of the work, with what helps."""

    title: Text
    description: Text
    mitigations: list[Text] = []
    sources: Sources


class Opportunity(Entity):
    """Something that makes the role attractive."""

    title: Text
    description: Text
    sources: Sources


TrendKind = Literal["technology", "ethics", "regulation"]
"""Whether a trend is a technical direction or a concern about ethics or regulation."""


class Trend(Entity):
    """A development expected to shape the role."""

    title: Text
    kind: TrendKind
    description: Text
    sources: Sources


Metric = Literal["salary", "demand", "background"]
"""What a fact measures."""


class Range(Entity):
    """A value given as a range."""

    min: float
    max: float


class Fact(Entity):
    """One statistic, exactly as a source reports it."""

    statement: Text = Field(description="What the figure says, in a short phrase.")
    metric: Metric
    value: float | Range
    unit: Text = Field(description="e.g. 'per year', 'percent', 'times'.")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    region: Text
    as_of: Date
    role: Id
    level: Id | None = None
    source: Id
    attribution: Text | None = Field(default=None, description="How the source got it, e.g. 'attributed to Indeed'.")
    note: Text | None = None


TransitionKind = Literal["promotion", "lateral", "pivot"]
"""How a career move relates the two positions."""


class Transition(Entity):
    """A career move from one role (or level) to another."""

    from_role: Id
    from_level: Id | None = None
    to_role: Id
    to_level: Id | None = None
    kind: TransitionKind
    rationale: Text
    sources: Sources


class Dimension(Entity):
    """One row of a curated comparison."""

    name: Text
    left: Text
    right: Text
    left_refs: list[Id] = Field(default=[], description="Responsibility or skill ids the left cell is about.")
    right_refs: list[Id] = Field(default=[], description="Responsibility or skill ids the right cell is about.")


class Comparison(Entity):
    """A curated side-by-side of two roles."""

    title: Text
    left: Id
    right: Id
    summary: Text | None = None
    dimensions: Annotated[list[Dimension], Field(min_length=1)]
    sources: Sources


class Term(Entity):
    """A glossary entry."""

    abbreviation: Text | None = None
    expansion: Text
    definition: Text
    sources: Sources


class Faq(Entity):
    """A frequently asked question."""

    question: Text
    answer: Text
    sources: Sources


KINDS: dict[str, type[Entity]] = {
    "sources": Source,
    "levels": Level,
    "roles": Role,
    "skills": Skill,
    "responsibilities": Responsibility,
    "tools": Tool,
    "challenges": Challenge,
    "opportunities": Opportunity,
    "trends": Trend,
    "facts": Fact,
    "transitions": Transition,
    "comparisons": Comparison,
    "terms": Term,
    "faqs": Faq,
}
"""Folder name under content/ → model of the entities in it."""

KIND_NAMES: dict[str, str] = {folder: model.__name__.lower() for folder, model in KINDS.items()}
"""Folder name → singular kind name used in messages ('roles' → 'role')."""
