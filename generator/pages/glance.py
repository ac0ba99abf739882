"""A role at a glance: what the work is by stage, the skills that matter most, and what it pays, with whose figures."""

from __future__ import annotations

from typing import Any

from generator.content.models.careers import Role
from generator.content.models.work import STAGE_NAMES, Responsibility
from generator.pages.evidence import proficiency_cell, unstated
from generator.pages.markdown import relative
from generator.pages.priority import ordered
from generator.pages.views import EntityViews

GLANCE_SKILLS = 5
"""How many skills the at-a-glance block names per level: the ones that matter most by the evidence."""
GLANCE_FIGURES = 5
"""How many pay and demand figures the at-a-glance block shows; the Facts section has them all."""
GLANCE_OFFICIAL = 2
"""How many of them are official pay figures, shown first: the role's own, else those of the occupations it is compared
with, so that an article's figure always has an official one of the same region beside it where there is one."""


class RoleGlance:
    """Answers "what is the work, what must I be good at, what does it pay" for one role, in one screen."""

    def __init__(self, views: EntityViews) -> None:
        self.views = views
        self.link = views.link

    def benchmarks(self, page: str, role: Role) -> list[dict[str, Any]]:
        """The official figures of the roles this one is compared with, shown beside its own."""
        return [
            row
            for other in role.compare_with
            for row in self.views.fact_rows(page, self.views.facts_about(other))
            if row["official"]
        ]

    def stand_in(self, role_id: str, role: Role) -> tuple[str, str | None, str] | None:
        """For a role that no figure describes, the job whose figures its pay block shows instead: the role it is a
        variant of, or the job its path leads to (a first-job path before any other; with that path's level); with
        how the two relate."""
        if role.variant_of:
            return role.variant_of, None, "which it is a variant of"
        onward = sorted(
            ((move_id, move) for move_id, move in self.views.moves(role_id) if move.from_role == role_id),
            key=lambda item: (item[1].kind != "entry", item[0]),
        )
        if not onward:
            return None
        move = onward[0][1]
        return (
            move.to_role,
            move.to_level,
            "the first job its path leads to" if move.kind == "entry" else "the job its path leads to",
        )

    def pay(self, page: str, role_id: str, role: Role, own: list[dict[str, Any]]) -> dict[str, Any]:
        """The figures the pay block draws on: the role's own and its benchmarks (also kept apart, for the page's
        section of them), or, when it has neither, those of its stand-in, said in a sentence (`instead`); with where
        all of them are (`all`) and the level whose figures lead (`level`: that of the first job a starting point's
        path leads to)."""
        benchmarks = self.benchmarks(page, role)
        found = self.stand_in(role_id, role) if not own and not benchmarks else None
        if found is None:
            return {
                "facts": own + benchmarks,
                "benchmarks": benchmarks,
                "instead": None,
                "all": "#facts" if own else "#official-figures",
                "level": None,
            }
        other_id, level, relation = found
        other = self.link.entity("roles", other_id)
        assert isinstance(other, Role)
        theirs = self.views.fact_rows(page, self.views.facts_about(other_id))
        facts = theirs + self.benchmarks(page, other)
        target = f"roles/{other_id}.md"
        return {
            "facts": facts,
            "benchmarks": benchmarks,
            "instead": {"role": self.link.ref(page, "roles", other_id), "relation": relation},
            "all": relative(page, target, "facts" if theirs else "official-figures"),
            "level": self.link.ref(page, "levels", level) if level else None,
        }

    def glance(self, page: str, role: Role, levels: list[str], pay: dict[str, Any]) -> dict[str, Any]:
        """The answer in one screen: the defining work in order, the top skills per level, pay and demand."""
        facts = pay["facts"]
        first_of_stage: dict[str, str] = {}
        for responsibility_id in role.responsibilities:
            entity = self.link.entity("responsibilities", responsibility_id)
            assert isinstance(entity, Responsibility)
            first_of_stage.setdefault(entity.stage, responsibility_id)
        work = [
            {"stage": name, "ref": self.link.ref(page, "responsibilities", first_of_stage[stage])}
            for stage, name in STAGE_NAMES.items()
            if stage in first_of_stage
        ]
        rungs: list[str | None] = [*levels] or [None]
        skills = [
            {
                "level": self.link.ref(page, "levels", level_id) if level_id else None,
                "items": [
                    {"ref": self.link.ref(page, "skills", entry.skill), **proficiency_cell(entry, level_id)}
                    for entry in ordered(role, level_id, lambda sid: self.link.title("skills", sid))[:GLANCE_SKILLS]
                ],
            }
            for level_id in rungs
        ]
        official = sorted((row for row in facts if row["official"] and row["metric"] == "salary"), key=_best_known)
        regions = {row["region"] for row in official}
        level = pay["level"]  # the level a starting point's path leads to: its figures come first after the official
        others = sorted(
            (row for row in facts if not row["official"] and row["metric"] == "salary"),
            key=lambda row: (
                level is not None and row["level"] != level,
                row["region"] not in regions,
                *_best_known(row),
            ),
        )
        demand = sorted((row for row in facts if row["metric"] == "demand"), key=lambda row: not row["official"])
        money = official[:GLANCE_OFFICIAL] + others[: GLANCE_FIGURES - min(len(official), GLANCE_OFFICIAL)]
        figures = money[: GLANCE_FIGURES - bool(demand)] + demand[:1]
        return {
            "work": work,
            "skills": skills if role.skills else [],
            "figures": figures,
            "more": len(facts),
            "all": pay["all"],
            "instead": pay["instead"],
        }


def _best_known(row: dict[str, Any]) -> tuple[bool, bool, bool, str]:
    """Figures whose region and period are stated come first, then those about the whole role (not one level)."""
    return (unstated(row["region"]), unstated(row["period"]), row["level"] is not None, row["anchor"])
