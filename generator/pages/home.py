"""The front page: the ML engineer first, then a path for each kind of reader, each built from the data."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Level, Role, Transition
from generator.content.models.evidence import Fact
from generator.pages.evidence import Evidence
from generator.pages.moves import MovePages
from generator.pages.priority import ordered
from generator.pages.roles import RolePages
from generator.pages.site import Linker, Page

FIRST_STEPS = 3
"""How many of a path's first skills the front page names."""
START_FIGURES = 3
"""How many entry-level and background figures the starting-out path shows (the level's own come first)."""


def main_role(content: Content, link: Linker) -> str | None:
    """The role the handbook is about: the first role (by title) that has a ladder and is nobody's variant."""
    laddered = [
        role_id
        for role_id in link.sorted_ids("roles")
        if isinstance(role := content.entities["roles"][role_id], Role) and role.levels and not role.variant_of
    ]
    return laddered[0] if laddered else None


class Home:
    """Builds the front page's view."""

    def __init__(self, content: Content, link: Linker, evidence: Evidence, moves: MovePages, roles: RolePages) -> None:
        self.content = content
        self.link = link
        self.evidence = evidence
        self.moves = moves
        self.roles = roles

    def page(self) -> Page:
        """What the handbook covers, the main role in brief, and one path per reader."""
        page = "index.md"
        counts = {kind: len(entities) for kind, entities in self.content.entities.items()}
        main = main_role(self.content, self.link)
        view: dict[str, Any] = {
            "counts": counts,
            "brief": None,
            "ways": None,
            "switch": [],
            "start": None,
            "grow": [],
        }
        if main is not None:
            role = self.link.entity("roles", main)
            assert isinstance(role, Role)
            view["brief"] = self.roles.brief(page, main, role)
            view["ways"] = view["brief"]["ways"]
            into = self._moves(main, into=True)
            firsts = [item for item in into if self._first_job(item[1])]
            view["switch"] = [self.path(page, tid, move) for tid, move in into if (tid, move) not in firsts]
            view["grow"] = [self.path(page, tid, move) for tid, move in self._moves(main, into=False)]
            view["start"] = self.start(page, main, role)
            view["start"]["path"] = self.path(page, *firsts[0]) if firsts else None
        return Page(page, "home.md.j2", "ML Engineering Handbook", view)

    def _moves(self, main: str, *, into: bool) -> list[tuple[str, Transition]]:
        """Moves into the main role from other roles, or the moves open to someone already in it."""
        found = []
        for move_id in sorted(self.content.entities["transitions"]):
            move = self.content.entities["transitions"][move_id]
            assert isinstance(move, Transition)
            if (move.to_role == main and move.from_role != main) if into else (move.from_role == main):
                found.append((move_id, move))
        return found

    def _first_job(self, move: Transition) -> bool:
        """Whether a move starts before any job in the field: from a student or someone in training."""
        start = self.content.entities["roles"].get(move.from_role)
        return isinstance(start, Role) and start.family == "education"

    def path(self, page: str, move_id: str, move: Transition) -> dict[str, Any]:
        """A move as a front-page path: whom it is for, its page, and the first priorities to work on."""
        found = self.moves.path(move)
        start = self.link.entity("roles", move.from_role)
        return {
            "who": self.link.title("levels", move.from_level) if move.from_level else getattr(start, "title", ""),
            "ref": self.link.ref(page, "transitions", move_id),
            "first": [self.link.ref(page, "skills", step.skill) for step in found.priorities[:FIRST_STEPS]],
            "steps": len(found.priorities),
            "phases": len(found.phases()),
        }

    def start(self, page: str, main: str, role: Role) -> dict[str, Any]:
        """Starting out: the first rung, its top skills, the routes in and the entry-level figures."""
        first = role.levels[0]
        level = self.link.entity("levels", first)
        assert isinstance(level, Level)
        facts = [
            fact_id
            for fact_id, fact in sorted(self.content.entities["facts"].items())
            if isinstance(fact, Fact) and fact.role == main and (fact.level == first or fact.metric == "background")
        ]
        facts.sort(key=lambda fact_id: getattr(self.content.entities["facts"][fact_id], "level", None) != first)
        return {
            "level": self.link.ref(page, "levels", first),
            "summary": level.summary,
            "skills": [
                self.link.ref(page, "skills", entry.skill)
                for entry in ordered(role, first, lambda sid: self.link.title("skills", sid))[:FIRST_STEPS]
            ],
            "facts": [self.evidence.fact(page, fact_id) for fact_id in facts][:START_FIGURES],
            "education": self.link.page_ref(
                page, f"roles/{main}.md", "education and backgrounds", "education-and-backgrounds"
            )
            if role.education or role.backgrounds or role.prior_roles
            else None,
        }
