"""What the job involves: skills, responsibilities, tools, challenges, opportunities, trends and duties."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.content.models.base import (
    LIST_MAX_ITEMS,
    Entity,
    GlossBasis,
    Id,
    Ids,
    Keywords,
    Name,
    Proficiency,
    ReadDate,
    Sources,
    Text,
    Url,
)
from generator.content.models.learning import Phase
from generator.content.models.sources import (
    Codes,
)

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
    phase: Phase | Literal["none"] | None = Field(
        default=None,
        description="The phase of a learning path the skill falls in, where it differs from its category's: "
        "foundations, machine-learning, production or collaboration; 'none' leaves it out of learning paths, for "
        "knowledge only the work itself gives, such as an industry.",
    )
    resources: Annotated[list[Id], Field(max_length=20)] = Field(
        default=[], description="Resources that teach the skill (ids of content/resources); free ones are shown first."
    )
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


DutyForce = Literal["law", "voluntary"]
"""Whether a duty is imposed by law, or is what a voluntary framework asks of those who adopt it."""


class Duty(Entity):
    """An obligation of a law, or a practice a voluntary framework asks for, that falls on people who build or deploy
    models: where it applies, from when, and whom it binds."""

    title: Name
    instrument: Name = Field(description="The law or framework and its article, e.g. 'AI Act, Article 4'.")
    jurisdiction: Name = Field(description="Where it applies, e.g. 'European Union' or 'United States'.")
    force: DutyForce = Field(description="'law' when it binds; 'voluntary' for a framework organisations may adopt.")
    applies_from: ReadDate | None = Field(
        default=None, description="The date it applies from (YYYY-MM-DD); required for a law."
    )
    binds: Name = Field(description="Whom it falls on, as the source names them, e.g. 'providers and deployers'.")
    description: Text
    roles: Annotated[list[Id], Field(min_length=1, max_length=LIST_MAX_ITEMS)] = Field(
        description="The roles whose work it concerns; their pages list it."
    )
    responsibilities: Ids = Field(default=[], description="The responsibilities it bears on; their pages list it.")
    sources: Sources

    @model_validator(mode="after")
    def _law_has_a_date(self) -> Duty:
        if self.force == "law" and self.applies_from is None:
            raise ValueError("a duty of law needs applies_from: the date it applies from")
        return self
