"""Learning: the resources readers can use to learn a skill, and the phases a learning path is grouped into."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from generator.content.models.base import Basis, Entity, Locator, Name, ReadDate, Text, Url

ResourceFormat = Literal["course", "book", "documentation", "tutorial", "video"]
"""What shape a learning resource takes."""


FORMAT_NAMES: dict[str, str] = {
    "course": "Course",
    "book": "Book",
    "documentation": "Documentation",
    "tutorial": "Tutorial",
    "video": "Video",
}


Cost = Literal["free", "free-to-audit", "paid"]
"""What a reader pays: nothing, nothing to read or watch (a certificate or grading costs), or a price."""


COST_NAMES: dict[str, str] = {"free": "free", "free-to-audit": "free to audit", "paid": "paid"}


COST_ORDER: tuple[str, ...] = ("free", "free-to-audit", "paid")
"""Free resources are listed first, then those free to audit, then paid ones."""


ResourceLevel = Literal["beginner", "intermediate", "advanced"]
"""Whom a resource is written for."""


_TRACKING = re.compile(r"[?&](utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_hs[a-z]+|ref_src|igshid)=", re.I)
_PLACEHOLDER = re.compile(r"\$\{|\{\{|%24%7B|%7B%7B|\$[A-Z_]{3,}", re.I)


def address_problem(url: str) -> str | None:
    """Why an address is not one a reader can follow as it stands: a tracking parameter or a template placeholder."""
    if _TRACKING.search(url):
        return "it carries a tracking parameter (utm_ and the like)"
    if _PLACEHOLDER.search(url):
        return "it holds a template placeholder such as ${...}"
    return None


class Resource(Entity):
    """Something a reader can learn a skill from: documentation, a course, a book, a tutorial or a video.

    Skills list the resources that teach them (a skill's `resources`); a resource no skill lists is refused.
    """

    title: Name = Field(description="The title as the publisher gives it.")
    url: Url = Field(description="The https address as read, without tracking parameters or template placeholders.")
    accessed: ReadDate = Field(description="The date the page at url was read (YYYY-MM-DD).")
    publisher: Name = Field(description="Who publishes it: an organisation, a university, or the authors.")
    format: ResourceFormat = Field(description="course, book, documentation, tutorial or video.")
    cost: Cost = Field(description="free, free-to-audit (a certificate or grading costs) or paid.")
    cost_basis: Basis = Field(
        description="'stated' when the page says what it costs; 'editorial' when the page is simply open to read."
    )
    cost_locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")
    level: ResourceLevel = Field(description="beginner, intermediate or advanced.")
    level_basis: Basis = Field(description="Whether the publisher says whom it is for, or the handbook judges it.")
    level_locator: Locator | None = Field(default=None, description="Required when the basis is 'derived'.")
    time: Name | None = Field(
        default=None, description="How long it takes, only as the publisher states it (e.g. '9 weeks')."
    )
    description: Text = Field(description="What it covers, in the handbook's own words.")
    notes: Text | None = Field(default=None, description="Anything a reader should know about the address or access.")

    @field_validator("url")
    @classmethod
    def _followable(cls, url: str) -> str:
        problem = address_problem(url)
        if problem:
            raise ValueError(f"a reader cannot follow this address: {problem}; give the address as read")
        return url


Phase = Literal["foundations", "machine-learning", "production", "collaboration"]
"""The phases a learning path is grouped into, in the order a reader takes them (the handbook's own grouping)."""


PHASE_NAMES: dict[str, str] = {
    "foundations": "Foundations",
    "machine-learning": "Machine learning",
    "production": "Production and operations",
    "collaboration": "Working with others and leading",
}


CATEGORY_PHASES: dict[str, str | None] = {
    "programming": "foundations",
    "math-and-statistics": "foundations",
    "software-engineering": "foundations",
    "ml-and-data": "machine-learning",
    "infrastructure": "production",
    "soft-skill": "collaboration",
    "trait": None,
}
"""The phase of a skill of each category, unless the skill names its own; traits are not learning items."""
