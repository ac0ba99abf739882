"""A career move's page as a learning path: what the reader brings, what to add or raise first, routes, challenges."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.content.models.careers import Level, Role, Transition
from generator.content.models.work import STAGE_NAMES, Responsibility
from generator.pages.evidence import importance, mark, proficiency_cell
from generator.pages.markdown import relative
from generator.pages.planner import PLANNER_PAGE
from generator.pages.priority import higher, level_value, ordered
from generator.pages.site import Page, Ref
from generator.pages.views import EntityViews


class MovePages:
    """Builds the page of every career move from the two roles' recorded skills and responsibilities."""

    def __init__(self, views: EntityViews) -> None:
        self.views = views
        self.link = views.link

    def _role(self, role_id: str) -> Role:
        role = self.link.entity("roles", role_id)
        assert isinstance(role, Role)
        return role

    def rung(self, role: Role, named: str | None, other: str | None) -> tuple[str | None, bool]:
        """The level a side of the move is read at, and whether the handbook chose it (the move names none).

        A named level is used as it is; otherwise the other side's level if this role has it too, else the first
        rung of the role's ladder; a role without levels is read as a whole (None).
        """
        if named or not role.levels:
            return named, False
        return (other if other in role.levels else role.levels[0]), True

    def skills(self, page: str, move: Transition) -> dict[str, Any]:
        """The goal's skills split into what the starting position brings and the steps to take, most important first.

        A skill the start records at the level needed is brought; one it records lower is to raise; one it does not
        list is to add only when the sources describe the start's skills as a whole, and otherwise not recorded.
        """
        link = self.link
        start, goal = self._role(move.from_role), self._role(move.to_role)
        to_level, to_chosen = self.rung(goal, move.to_level, move.from_level)
        from_level, from_chosen = self.rung(start, move.from_level, to_level)
        yours = {entry.skill: entry for entry in start.skills}
        recorded = start.coverage_of("skills") == "described"
        brings, steps = [], []
        for entry in ordered(goal, to_level, lambda sid: link.title("skills", sid)):
            need = level_value(entry, to_level)
            if need is None:
                continue
            have = yours.get(entry.skill)
            have_value = level_value(have, from_level) if have else None
            row = {
                "skill": link.ref(page, "skills", entry.skill),
                "importance": importance(entry),
                "reach": proficiency_cell(entry, to_level),
                "have": proficiency_cell(have, from_level) if have else None,
            }
            if have_value is not None and not higher(need, have_value):
                brings.append(row)
            else:
                row["status"] = _status(have_value, recorded=recorded)
                steps.append(row)
        return {
            "levels": (from_level, to_level),
            "chosen": (from_chosen, to_chosen),
            "recorded": recorded,
            "brings": brings,
            "steps": steps,
        }

    def page(self, move_id: str, move: Transition) -> Page:
        """One move: where the reader stands, the ordered skills to add or raise, new work, routes, challenges."""
        page = f"moves/{move_id}.md"
        link, views = self.link, self.views
        start, goal = self._role(move.from_role), self._role(move.to_role)
        found = self.skills(page, move)
        (from_level, to_level), (from_chosen, to_chosen) = found["levels"], found["chosen"]
        recorded, brings, steps = found["recorded"], found["brings"], found["steps"]
        view = {
            "move": move,
            "start": self._position(page, move.from_role, from_level),
            "goal": self._position(page, move.to_role, to_level),
            "start_chosen": from_chosen,
            "goal_chosen": to_chosen,
            "kind": move.kind + mark(move.kind_basis),
            "kind_locator": move.kind_locator or "",
            "rationale": views.evidence.prose(page, move.rationale),
            "start_title": start.title,
            "recorded": recorded,
            "brings": brings,
            "steps": steps,
            "counts": {
                status: sum(1 for row in steps if row["status"][0] == status) for status in ("add", "raise", "check")
            },
            "new_work": self.new_work(page, start, from_level, goal, to_level),
            "education": [
                {"text": views.evidence.prose(page, c.text), "sources": views.sources(page, c.sources)}
                for c in goal.education
            ],
            "backgrounds": [
                {"text": views.evidence.prose(page, c.text), "sources": views.sources(page, c.sources)}
                for c in goal.backgrounds
            ],
            "background_facts": [
                row for row in views.fact_rows(page, views.facts_about(move.to_role)) if row["metric"] == "background"
            ],
            "challenges": views.described(page, "challenges", goal.challenges),
            "scale": views.evidence.scale(page),
            "disputes": views.evidence.about(page, "transitions", move_id),
            "assess": Ref("Rate yourself for this move", relative(page, PLANNER_PAGE) + f"?move={move_id}")
            if goal.skills
            else None,
            "sources": views.sources(page, move.sources),
        }
        title = link.title("transitions", move_id)
        return Page(page, "move.md.j2", title, view, f"content/transitions/{move_id}.yaml", [move.kind.capitalize()])

    def _position(self, page: str, role_id: str, level_id: str | None) -> dict[str, Any]:
        return {
            "role": self.link.ref(page, "roles", role_id),
            "level": self.link.ref(page, "levels", level_id) if level_id else None,
        }

    def duties(self, role: Role, level_id: str | None) -> list[str]:
        """What a role at a level is responsible for: the role's own duties and those of its levels up to it."""
        found = list(role.responsibilities)
        for rung in role.levels:
            level = self.link.entity("levels", rung)
            if isinstance(level, Level):
                found += level.responsibilities
            if rung == level_id:
                break
        return found

    def new_work(
        self, page: str, start: Role, from_level: str | None, goal: Role, to_level: str | None
    ) -> list[dict[str, Any]]:
        """Responsibilities of the goal that the starting position does not record, by stage of the work."""
        held = set(self.duties(start, from_level))
        grouped: dict[str, list[Any]] = defaultdict(list)
        for responsibility_id in dict.fromkeys(self.duties(goal, to_level)):
            entity = self.link.entity("responsibilities", responsibility_id)
            if isinstance(entity, Responsibility) and responsibility_id not in held:
                grouped[entity.stage].append(self.link.ref(page, "responsibilities", responsibility_id))
        return [{"name": name, "refs": grouped[stage]} for stage, name in STAGE_NAMES.items() if grouped[stage]]


def _status(have: str | None, *, recorded: bool) -> tuple[str, str]:
    """Why a skill is on the list: to raise (with the recorded level), to add, or not recorded for the start."""
    if have is not None:
        return "raise", f"raise from {have}"
    return ("add", "to add") if recorded else ("check", "not recorded")
