"""The content model: one pydantic class per kind of entity, the single source of truth for the schema."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 64

# Characters that text may not hold: C0 and C1 controls other than tab and newline, DEL, and the invisible
# marks that reorder or hide text (bidirectional controls and isolates, zero-width characters, BOM).
HIDDEN = "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff"
TEXT_PATTERN = f"^[^{HIDDEN}]*[^\\s{HIDDEN}][^{HIDDEN}]*$"
"""Text that is not blank and holds no control or invisible formatting character."""

NAME_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 2000
LIST_MAX_ITEMS = 300
"""Limits that keep every page, and so every build, bounded; the real content uses well under half of each."""
TERMS_MAX = 500
"""The most glossary terms: the glossary page holds them all. Five hundred terms with every text at its longest,
each definition naming hundreds of abbreviations between markup characters, build in a few times the time of the
real content (tests/test_limits.py); a thousand such terms took about nine times."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
Name = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=NAME_MAX_LENGTH)]
"""A short text shown in headings, links and table cells: a title, a name, a question."""
Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=TEXT_MAX_LENGTH)]
"""A paragraph of prose."""
Sources = Annotated[
    list[Id], Field(min_length=1, max_length=50, description="Ids of the sources this entry is based on.")
]
URL_PATTERN = r"^https://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][!#$%&()*+,./0-9:;=?@A-Z_a-z~-]*)?$"
"""An https address in plain ASCII (an international domain name is written in its xn-- form), so no lookalike
letter, space, quote or angle bracket can hide in it."""
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=NAME_MAX_LENGTH * 2)]
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
SourceDate = Annotated[dt.date, BeforeValidator(_date_text)] | Literal["not stated"]
"""A source's publication date, or 'not stated' when the source prints none."""
ReadDate = Annotated[dt.date, BeforeValidator(_date_text)]
Ids = Annotated[list[Id], Field(max_length=LIST_MAX_ITEMS)]
Names = Annotated[list[Name], Field(max_length=50)]
Keywords = Annotated[
    list[Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=60)]],
    Field(
        max_length=20,
        description="Words readers search for that the text itself may not use, e.g. 'salary' for a question "
        "about earnings; the page lists them as related terms, so site search finds it.",
    ),
]
Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: NaN and infinity are refused."""
ABBREVIATION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9+/&.-]{0,15}$"
Abbreviation = Annotated[str, StringConstraints(pattern=ABBREVIATION_PATTERN)]
"""A short form as it appears in running text, e.g. 'ML' or 'A/B'; it must hold two capitals or digits."""


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


Basis = Literal["stated", "derived", "editorial"]
"""Where a judgement comes from: 'stated' when a cited source says it in words; 'derived' when it is read from a
cited source's wording, which `locator` quotes in at most eight words; 'editorial' for the handbook's own."""

LOCATOR_MAX_WORDS = 8
Locator = Annotated[
    str,
    StringConstraints(pattern=TEXT_PATTERN, max_length=120),
    Field(description="The source's words a derived value is read from: at most eight, quoted exactly."),
]

GlossBasis = Literal["sourced", "editorial"]
"""Whether a definition or description says what a cited source says, or is the handbook's own explanation of
a term the source only mentions."""


SourceKind = Literal[
    "official-statistics", "skills-framework", "primary-literature", "documentation", "practitioner-guide", "article"
]
"""What sort of source an entry is: official statistics and occupational data, a public skills framework, primary
(peer-reviewed) literature, a tool's own documentation, practitioner guidance, or a general article or news item."""

SOURCE_KIND_NAMES: dict[str, str] = {
    "official-statistics": "Official statistics and occupational data",
    "skills-framework": "Skills framework",
    "primary-literature": "Primary literature",
    "documentation": "Official documentation",
    "practitioner-guide": "Practitioner guidance",
    "article": "Article",
}


class Source(Entity):
    """An article, page or data set the handbook cites."""

    title: Name
    kind: SourceKind = Field(
        default="article", description="What sort of source this is; shown on the sources page. Default: article."
    )
    author: Name | None = None
    publisher: Name | None = None
    date: SourceDate = Field(description="Publication or last-updated date (YYYY-MM-DD), or 'not stated'.")
    url: Url | None = Field(default=None, description="The address exactly as published; needs accessed.")
    accessed: ReadDate | None = Field(
        default=None, description="The date the text at url was read (YYYY-MM-DD); required when url is set."
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _read_when_addressed(self) -> Source:
        if self.url is not None and self.accessed is None:
            raise ValueError("a source with a url needs accessed: the date its text was read")
        return self


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


CodeScheme = Literal["onet-soc", "isco-08", "esco-occupation", "esco-skill", "sfia", "ifate-standard"]
"""A public classification a role or skill can be matched to: O*NET-SOC, ISCO-08, ESCO, SFIA, and the occupational
standards of English apprenticeships (IfATE)."""

CODE_SCHEME_NAMES: dict[str, str] = {
    "onet-soc": "O*NET-SOC",
    "isco-08": "ISCO-08",
    "esco-occupation": "ESCO occupation",
    "esco-skill": "ESCO skill",
    "sfia": "SFIA skill",
    "ifate-standard": "IfATE occupational standard",
}

CODE_PATTERNS: dict[str, str] = {
    "onet-soc": r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$",
    "isco-08": r"^[0-9]{1,4}$",
    "esco-occupation": r"^http://data\.europa\.eu/esco/occupation/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$",
    "esco-skill": r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$",
    "sfia": r"^[A-Z]{4}$",
    "ifate-standard": r"^ST[0-9]{4}$",
}
"""How each scheme writes its codes (ESCO identifies a concept by its URI)."""

Match = Literal["exact", "close", "broad", "narrow"]
"""How near the classification's concept is to the handbook's, in SKOS terms: 'broad' when the code covers more."""


class Code(Entity):
    """A code of a public classification, read on the page of `source` where the classification publishes it."""

    scheme: CodeScheme = Field(
        description="The classification: onet-soc, isco-08, esco-occupation, esco-skill, sfia or ifate-standard."
    )
    code: Annotated[str, StringConstraints(max_length=120)] = Field(
        description="The code as the classification writes it; for ESCO, the concept's URI."
    )
    title: Name = Field(description="The concept's name as the classification prints it.")
    match: Match = Field(description="How near the concept is to this entry (SKOS): exact, close, broad or narrow.")
    source: Id = Field(description="The source whose page publishes the code.")

    @model_validator(mode="after")
    def _written_as_the_scheme_writes_it(self) -> Code:
        if not re.fullmatch(CODE_PATTERNS[self.scheme], self.code):
            raise ValueError(f"'{self.code}' is not written as a {CODE_SCHEME_NAMES[self.scheme]} code")
        return self


Codes = Annotated[
    list[Code], Field(max_length=20, description="Codes of public classifications, each read on its source's page.")
]


class Citation(Entity):
    """A short statement written in our own words, with its sources."""

    text: Text
    sources: Sources


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


SkillCategory = Literal[
    "programming", "ml-and-data", "math-and-statistics", "infrastructure", "software-engineering", "soft-skill", "trait"
]
"""Groups skills on the skills index."""


class Descriptor(Entity):
    """What one proficiency level of the scale means for one skill, as a source describes it."""

    level: Proficiency
    text: Text
    sources: Sources


class Skill(Entity):
    """Something a person knows or can do."""

    name: Name
    category: SkillCategory
    description: Text
    keywords: Keywords = []
    description_basis: GlossBasis = "sourced"
    levels: Annotated[list[Descriptor], Field(max_length=4)] = Field(
        default=[], description="What the skill looks like at a level of the scale, where a source describes it."
    )
    tools: Ids = []
    codes: Codes = []
    sources: Sources


Stage = Literal[
    "framing", "data", "building", "evaluation", "deployment", "operations", "collaboration", "leadership", "research"
]
"""Where in the work a responsibility falls, in the order ML work happens (the handbook's own grouping)."""
STAGE_NAMES: dict[str, str] = {
    "framing": "Framing the problem",
    "data": "Data",
    "building": "Building models and systems",
    "evaluation": "Evaluating and testing",
    "deployment": "Deploying",
    "operations": "Operating in production",
    "collaboration": "Working with others",
    "leadership": "Leading",
    "research": "Research and keeping up",
}


class Responsibility(Entity):
    """A duty that a role carries."""

    title: Name
    description: Text
    stage: Stage = Field(
        description="Where in the work the duty falls: framing, data, building, evaluation, deployment, operations, "
        "collaboration, leadership or research. The grouping is the handbook's own."
    )
    sources: Sources


ToolType = Literal["language", "framework", "library", "platform"]
"""What sort of tool an entry is."""


class Tool(Entity):
    """A programming language, framework, library or platform."""

    name: Name
    type: ToolType
    description: Text
    keywords: Keywords = []
    description_basis: GlossBasis = "sourced"
    url: Url | None = None
    sources: Sources


class Challenge(Entity):
    """A difficulty of the work, with what helps."""

    title: Name
    description: Text
    mitigations: Annotated[list[Text], Field(max_length=LIST_MAX_ITEMS)] = []
    sources: Sources


class Opportunity(Entity):
    """Something that makes the role attractive."""

    title: Name
    description: Text
    sources: Sources


TrendKind = Literal["technology", "ethics", "regulation"]
"""Whether a trend is a technical direction or a concern about ethics or regulation."""


class Trend(Entity):
    """A development expected to shape the role."""

    title: Name
    kind: TrendKind
    description: Text
    description_basis: GlossBasis = "sourced"
    sources: Sources


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


TransitionKind = Literal["promotion", "lateral", "pivot"]
"""How a career move relates the two positions."""


class Transition(Entity):
    """A career move from one role (or level) to another."""

    from_role: Id
    from_level: Id | None = None
    to_role: Id
    to_level: Id | None = None
    kind: TransitionKind
    kind_basis: Basis = Field(description="Whether a source calls the move a promotion, lateral move or pivot.")
    kind_locator: Locator | None = None
    rationale: Text
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
    "disputes": Dispute,
    "scale": ScaleLevel,
    "retired": Retired,
}
"""Folder name under content/ → model of the entities in it."""

KIND_NAMES: dict[str, str] = {folder: model.__name__.lower() for folder, model in KINDS.items()}
"""Folder name → singular kind name used in messages ('roles' → 'role')."""
