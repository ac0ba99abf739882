"""What the handbook cites: sources, classification codes read on their pages, and cited statements."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.content.models.base import (
    Entity,
    Id,
    Name,
    ReadDate,
    SourceDate,
    Sources,
    Text,
    Url,
)

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
