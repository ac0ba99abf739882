"""The content model: one pydantic class per kind of entity, the single source of truth for the schema.

The classes live by kind family in the modules of this package (base, sources, work, careers, levelling,
evidence, learning, search);
this module holds the registry of kinds.
"""

from __future__ import annotations

from generator.content.models.base import Entity
from generator.content.models.careers import Comparison, Level, Role, Transition
from generator.content.models.evidence import Dispute, Fact, Faq, Retired, ScaleLevel, Term
from generator.content.models.learning import Resource
from generator.content.models.levelling import Framework
from generator.content.models.search import Synonyms
from generator.content.models.sources import Source
from generator.content.models.work import Challenge, Duty, Opportunity, Responsibility, Skill, Tool, Trend

KINDS: dict[str, type[Entity]] = {
    "sources": Source,
    "levels": Level,
    "roles": Role,
    "skills": Skill,
    "resources": Resource,
    "responsibilities": Responsibility,
    "tools": Tool,
    "challenges": Challenge,
    "opportunities": Opportunity,
    "trends": Trend,
    "duties": Duty,
    "facts": Fact,
    "transitions": Transition,
    "comparisons": Comparison,
    "terms": Term,
    "faqs": Faq,
    "disputes": Dispute,
    "scale": ScaleLevel,
    "frameworks": Framework,
    "retired": Retired,
    "synonyms": Synonyms,
}
"""Folder name under content/ → model of the entities in it."""


KIND_NAMES: dict[str, str] = {folder: model.__name__.lower() for folder, model in KINDS.items()}
"""Folder name → singular kind name used in messages ('roles' → 'role')."""
