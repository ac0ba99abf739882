"""A career move as a learning path: at most twelve priorities in phases, what else helps, what the start brings.

The priorities are the goal's skills the starting position does not bring at the level needed, ranked by one rule
(`RULE`) over the evidence: whether the sources describing the route name it, how essential it is, how many sources
name it for the goal, how firmly its target is backed, and how far the reader has to climb. The first `PRIORITIES`
of them are grouped into the phases of `PHASE_NAMES`; the rest are listed as also useful. Traits are not learning
items and stay out of the path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.checker import Content
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Role, RoleSkill, Transition
from generator.content.models.learning import CATEGORY_PHASES, PHASE_NAMES
from generator.content.models.work import Skill
from generator.pages.priority import EVIDENCE_ORDER, level_value

PRIORITIES = 12
"""The most priorities a path opens with."""

PER_PHASE = 5
"""The most priorities one phase may take, so that a path covers more than one phase where it can."""

RULE = (
    "Priorities are the gaps ranked by evidence: first the skills the guides to this move name, then essential "
    "before optional, then those more sources name for the goal, then targets a source states or supports before "
    "the handbook's own, then the longer climb; the first twelve, at most five from any one phase, are grouped into "
    "phases, taken in turn."
)
"""The ordering rule, as the page states it."""


@dataclass(frozen=True)
class Step:
    """One skill on a path: where the reader has to get to, where they are recorded as standing, and why."""

    skill: str
    entry: RoleSkill
    """The goal's entry for the skill: importance, target per level, sources."""
    have: RoleSkill | None
    """The starting role's entry for the skill, if it lists one."""
    need: str
    basis: str
    """How the target is backed: stated, derived or editorial."""
    standing: str | None
    """The proficiency the start records at its level, or None."""
    status: str
    """'add' (the start's skills are described and this is not among them), 'raise' (recorded lower), 'check' (the
    start's skills are not fully recorded) or 'brings' (recorded at the level needed or above)."""
    phase: str
    named: bool
    """Whether a source describing this route names the skill as one to learn."""
    key: tuple[int, int, int, int, int, str]

    @property
    def editorial(self) -> bool:
        """Whether the target to reach is the handbook's own judgement."""
        return self.basis == "editorial"


@dataclass
class Path:
    """A move's learning path."""

    from_level: str | None
    to_level: str | None
    from_chosen: bool
    to_chosen: bool
    recorded: bool
    """Whether the sources describe the starting role's skills as a whole."""
    priorities: list[Step] = field(default_factory=list)
    also: list[Step] = field(default_factory=list)
    brings: list[Step] = field(default_factory=list)
    traits: list[str] = field(default_factory=list)

    def phases(self) -> list[tuple[str, list[Step]]]:
        """The priorities by phase, in the order of the phases; a phase without priorities is left out."""
        return [
            (phase, [step for step in self.priorities if step.phase == phase])
            for phase in PHASE_NAMES
            if any(step.phase == phase for step in self.priorities)
        ]

    def editorial(self) -> int:
        """How many of the priorities' targets are the handbook's own judgement."""
        return sum(1 for step in self.priorities if step.editorial)


def rung(role: Role, named: str | None, other: str | None) -> tuple[str | None, bool]:
    """The level a side of a move is read at, and whether the handbook chose it (the move names none).

    A named level is used as it is; otherwise the other side's level if this role has it too, else the first
    rung of the role's ladder; a role without levels is read as a whole (None).
    """
    if named or not role.levels:
        return named, False
    return (other if other in role.levels else role.levels[0]), True


def phase_of(skill: Skill) -> str | None:
    """The phase a skill falls in: its own, or its category's; None for what is not a learning item (a trait, or
    knowledge only the work itself gives)."""
    if skill.phase == "none":
        return None
    return skill.phase or CATEGORY_PHASES[skill.category]


def _basis(entry: RoleSkill, level: str | None) -> str:
    return next((item.basis for item in entry.proficiency if item.level == level), "editorial")


def plan(content: Content, move: Transition, title: dict[str, str] | None = None) -> Path:
    """The learning path of a move, from the two roles' recorded skills."""
    start, goal = content.entities["roles"][move.from_role], content.entities["roles"][move.to_role]
    assert isinstance(start, Role) and isinstance(goal, Role)
    to_level, to_chosen = rung(goal, move.to_level, move.from_level)
    from_level, from_chosen = rung(start, move.from_level, to_level)
    yours = {entry.skill: entry for entry in start.skills}
    recorded = start.coverage_of("skills") == "described"
    found = Path(from_level, to_level, from_chosen, to_chosen, recorded)
    named = {item.skill for item in move.route_skills}
    steps: list[Step] = []
    for entry in goal.skills:
        skill = content.entities["skills"].get(entry.skill)
        need = level_value(entry, to_level)
        if not isinstance(skill, Skill) or need is None:
            continue
        phase = phase_of(skill)
        if phase is None:
            found.traits.append(entry.skill)
            continue
        have = yours.get(entry.skill)
        standing = level_value(have, from_level) if have else None
        climb = PROFICIENCY_ORDER.index(need) - (PROFICIENCY_ORDER.index(standing) if standing else -1)
        status = "brings" if climb <= 0 else "raise" if standing else "add" if recorded else "check"
        name = (title or {}).get(entry.skill, skill.name)
        basis = _basis(entry, to_level)
        key = (
            0 if entry.skill in named else 1,
            0 if entry.importance == "essential" else 1,
            -len(entry.sources),
            EVIDENCE_ORDER[basis],
            -climb,
            name.casefold(),
        )
        steps.append(Step(entry.skill, entry, have, need, basis, standing, status, phase, entry.skill in named, key))
    steps.sort(key=lambda step: step.key)
    gaps = [step for step in steps if step.status != "brings"]
    chosen: list[Step] = []
    for step in gaps:
        if len(chosen) < PRIORITIES and sum(1 for other in chosen if other.phase == step.phase) < PER_PHASE:
            chosen.append(step)
    order = list(PHASE_NAMES)
    found.priorities = sorted(chosen, key=lambda step: (order.index(step.phase), step.key))
    found.also = [step for step in gaps if step not in chosen]
    found.brings = [step for step in steps if step.status == "brings"]
    return found
