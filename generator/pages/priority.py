"""What matters first: a role's skills ordered by importance and by the strength of the evidence behind them."""

from __future__ import annotations

from collections.abc import Callable

from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Role, RoleSkill

EVIDENCE_ORDER = {"stated": 0, "derived": 1, "editorial": 2}
"""A value a source states in words outranks one read from its wording, which outranks the handbook's judgement."""


def level_value(entry: RoleSkill, level: str | None) -> str | None:
    """The proficiency an entry expects at one level (or for the whole role), or None when it records none."""
    return next((item.value for item in entry.proficiency if item.level == level), None)


def rank(entry: RoleSkill, level: str | None, title: str) -> tuple[int, int, int, int, int, str]:
    """The sort key of a skill for a role at a level: essential first, then the better-evidenced importance, then
    the better-evidenced and higher proficiency at that level, then the skill named by more sources."""
    value = next((item for item in entry.proficiency if item.level == level), None)
    return (
        0 if entry.importance == "essential" else 1,
        EVIDENCE_ORDER[entry.importance_basis],
        EVIDENCE_ORDER[value.basis] if value else len(EVIDENCE_ORDER),
        -PROFICIENCY_ORDER.index(value.value) if value else 1,
        -len(entry.sources),
        title.casefold(),
    )


def ordered(role: Role, level: str | None, title: Callable[[str], str]) -> list[RoleSkill]:
    """Every skill of a role in the order that matters at a level; `title` names a skill id."""
    return sorted(role.skills, key=lambda entry: rank(entry, level, title(entry.skill)))


def higher(first: str, second: str) -> bool:
    """Whether proficiency `first` is above `second` on the scale."""
    return PROFICIENCY_ORDER.index(first) > PROFICIENCY_ORDER.index(second)
