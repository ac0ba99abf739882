"""A career move's page as a learning path: phased priorities with resources and ways to show them, what else helps,
what the reader likely brings, then the new work, the routes and the challenges."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.content.models.careers import Level, Role, Transition
from generator.content.models.learning import PHASE_NAMES
from generator.content.models.work import STAGE_NAMES, Responsibility
from generator.pages.evidence import importance, mark, proficiency_cell
from generator.pages.markdown import relative
from generator.pages.paths import PRIORITIES, RULE, Path, Step, plan
from generator.pages.planner import PLANNER_PAGE, PLANNER_TITLE
from generator.pages.site import Page, Ref
from generator.pages.views import EntityViews

RESOURCES_PER_STEP = 3
"""How many resources a priority shows beside it (free ones first); the skill's page lists them all."""

STATUS_WORDS = {
    "add": "to add",
    "raise": "to raise",
    "check": "check yourself",
    "brings": "recorded",
}


class MovePages:
    """Builds the page of every career move from the two roles' recorded skills and responsibilities."""

    def __init__(self, views: EntityViews) -> None:
        self.views = views
        self.link = views.link

    def _role(self, role_id: str) -> Role:
        role = self.link.entity("roles", role_id)
        assert isinstance(role, Role)
        return role

    def path(self, move: Transition) -> Path:
        """The move's learning path (see generator/pages/paths.py)."""
        titles = {skill_id: self.link.title("skills", skill_id) for skill_id in self.link.content.entities["skills"]}
        return plan(self.link.content, move, titles)

    def step(self, page: str, step: Step, path: Path, *, resources: bool) -> dict[str, Any]:
        """One skill of the path as the page shows it."""
        rows = self.views.resources.for_skill(step.skill, RESOURCES_PER_STEP) if resources else []
        return {
            "skill": self.link.ref(page, "skills", step.skill),
            "reach": proficiency_cell(step.entry, path.to_level),
            "have": proficiency_cell(step.have, path.from_level) if step.have else None,
            "status": STATUS_WORDS[step.status],
            "importance": importance(step.entry),
            "named": step.named,
            "resources": rows,
        }

    def page(self, move_id: str, move: Transition) -> Page:
        """One move: the phased priorities first, then what else helps, what you bring, new work, routes."""
        page = f"moves/{move_id}.md"
        link, views = self.link, self.views
        start, goal = self._role(move.from_role), self._role(move.to_role)
        path = self.path(move)
        shows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in move.demonstrations:
            shows[item.phase].append(
                {
                    "text": item.text,
                    "editorial": item.basis == "editorial",
                    "sources": views.sources(page, item.sources),
                }
            )
        phases = [
            {
                "number": number,
                "name": PHASE_NAMES[phase],
                "steps": [self.step(page, step, path, resources=True) for step in steps],
                "shows": shows.pop(phase, []),
            }
            for number, (phase, steps) in enumerate(path.phases(), start=1)
        ]
        editorial = path.editorial()
        count = len(path.priorities)
        view = {
            "move": move,
            "start": self._position(page, move.from_role, path.from_level),
            "goal": self._position(page, move.to_role, path.to_level),
            "start_chosen": path.from_chosen,
            "goal_chosen": path.to_chosen,
            "kind": move.kind + mark(move.kind_basis),
            "kind_locator": move.kind_locator or "",
            "rationale": views.evidence.prose(page, move.rationale),
            "start_title": start.title,
            "recorded": path.recorded,
            "phases": phases,
            "other_shows": [item for phase in PHASE_NAMES for item in shows.get(phase, [])],
            "count": count,
            "most": PRIORITIES,
            "editorial": editorial,
            "share": round(100 * editorial / count) if count else 0,
            "rule": RULE,
            "route": views.sources(page, move.route_sources),
            "named": any(step.named for step in path.priorities),
            "also": [self.step(page, step, path, resources=False) for step in path.also],
            "brings": [self.step(page, step, path, resources=False) for step in path.brings],
            "traits": link.refs(page, "skills", path.traits),
            "new_work": self.new_work(page, start, path.from_level, goal, path.to_level),
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
            "assess": Ref(
                f"Open this path in the {PLANNER_TITLE.lower()}", relative(page, PLANNER_PAGE) + f"?move={move_id}"
            )
            if goal.skills
            else None,
            "resources_page": link.page_ref(page, "resources.md", "learning resources"),
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
