"""A role's page: the answer first (what it is, what it pays, what to be good at), then the detail by stage."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, get_args

from generator.content.models.careers import CoverageSection, Level, Role, Transition
from generator.content.models.work import STAGE_NAMES, Duty, Responsibility, Skill
from generator.pages import crosswalk
from generator.pages.compare import too_thin
from generator.pages.evidence import importance, mark, proficiency_cell
from generator.pages.glance import RoleGlance
from generator.pages.planner import role_assess_ref
from generator.pages.priority import ordered
from generator.pages.site import Page, Ref
from generator.pages.views import CATEGORY_NAMES, COVERAGE_NAMES, FAMILY_NAMES, EntityViews, short_level, words


class RolePages:
    """Builds role pages from the entity views' lookups."""

    def __init__(self, views: EntityViews) -> None:
        self.views = views
        self.link = views.link
        self.glance = RoleGlance(views)

    def page(self, role_id: str, role: Role) -> Page:
        """A role's page: an at-a-glance block, then responsibilities by stage, skills, and the rest."""
        page = f"roles/{role_id}.md"
        link, views = self.link, self.views
        levels = [level_id for level_id in role.levels if isinstance(link.entity("levels", level_id), Level)]
        moves = views.moves(role_id)
        facts = views.fact_rows(page, views.facts_about(role_id))
        pay = self.glance.pay(page, role_id, role, facts)
        sections: dict[str, object] = {
            "responsibilities": self.by_stage(page, role, levels),
            "skills": self.skill_groups(page, role, levels),
            "tools": link.refs(page, "tools", role.tools),
            "challenges": views.described(page, "challenges", role.challenges)
            + views.described(page, "opportunities", role.opportunities),
            "backgrounds": role.education or role.backgrounds or role.prior_roles,
            "facts": facts,
            "moves": moves,
        }
        view = {
            "role": role,
            "family": FAMILY_NAMES[role.family],
            "variant_of": link.ref(page, "roles", role.variant_of) if role.variant_of else None,
            "variants": [
                link.ref(page, *item)
                for item in views.back.of("roles", role_id, "roles")
                if getattr(link.entity(*item), "variant_of", None) == role_id
            ],
            "levels": [link.ref(page, "levels", level_id) for level_id in levels],
            "level_names": [short_level(link.title("levels", level_id), role.title) for level_id in levels]
            or ["Expected"],
            "glance": self.glance.glance(page, role, levels, pay),
            "stages": sections["responsibilities"],
            "skill_groups": sections["skills"],
            "scale": views.evidence.scale(page),
            "not_covered": words([name for name, found in _SECTION_NAMES.items() if not sections[found]]),
            "unrecorded": words(
                [COVERAGE_NAMES[s] for s in get_args(CoverageSection) if role.coverage_of(s) == "not-recorded"]
            ),
            "partial": words([COVERAGE_NAMES[s] for s, said in role.coverage.items() if said == "partial"]),
            "disputes": views.evidence.about(page, "roles", role_id),
            "summary": views.evidence.prose(page, role.summary),
            "short": role.short,
            "ways": self.ways(page, role_id, role, moves),
            "facts_page": link.page_ref(page, "facts/index.md", "Facts and figures"),
            "tools": sections["tools"],
            "challenges": views.described(page, "challenges", role.challenges),
            "opportunities": views.described(page, "opportunities", role.opportunities),
            "education": [
                {"text": views.evidence.prose(page, item.text), "sources": views.sources(page, item.sources)}
                for item in role.education
            ],
            "backgrounds": [
                {"text": views.evidence.prose(page, item.text), "sources": views.sources(page, item.sources)}
                for item in role.backgrounds
            ],
            "prior_roles": [
                {
                    "title": item.title,
                    "role": link.ref(page, "roles", item.role) if item.role else None,
                    "note": item.note or "",
                    "sources": views.sources(page, item.sources),
                }
                for item in role.prior_roles
            ],
            "facts": facts,
            "benchmarks": pay["benchmarks"],
            "moves": [self.move(page, tid, move, role_id) for tid, move in moves],
            "comparisons": [link.ref(page, *item) for item in views.back.of("roles", role_id, "comparisons")],
            "not_compared": [
                link.ref(page, "roles", other if left == role_id else left)
                for left, other in too_thin(views.content)
                if role_id in (left, other)
            ],
            "duties": self.duties(page, role_id),
            "codes": crosswalk.codes(link, page, role.codes),
            "assess": role_assess_ref(page, role, role_id),
            "sources": views.sources(page, role.sources),
        }
        return Page(page, "role.md.j2", role.title, view, f"content/roles/{role_id}.yaml", [FAMILY_NAMES[role.family]])

    def duties(self, page: str, role_id: str) -> list[dict[str, Any]]:
        """The duties that name this role: each with its jurisdiction, start date, whom it binds and its sources."""
        rows = []
        for _, duty_id in self.views.back.of("roles", role_id, "duties"):
            duty = self.link.entity("duties", duty_id)
            assert isinstance(duty, Duty)
            rows.append(
                {
                    "ref": self.link.ref(page, "duties", duty_id),
                    "jurisdiction": duty.jurisdiction,
                    "applies_from": str(duty.applies_from) if duty.applies_from else "voluntary",
                    "binds": duty.binds,
                    "sources": self.views.sources(page, duty.sources),
                }
            )
        return sorted(rows, key=lambda row: (row["applies_from"], row["ref"].text))

    def brief(self, page: str, role_id: str, role: Role) -> dict[str, Any]:
        """The role in brief for another page (the home page): what it is, the figure its pay block leads with, and
        the ways into it, each linked from `page`."""
        facts = self.views.fact_rows(page, self.views.facts_about(role_id))
        figures = self.glance.glance(page, role, [], self.glance.pay(page, role_id, role, facts))["figures"]
        return {
            "ref": self.link.ref(page, "roles", role_id),
            "short": role.short or role.summary,
            "figure": figures[0] if figures else None,
            "pay": self.link.page_ref(page, f"roles/{role_id}.md", "every figure", "at-a-glance-pay"),
            "ways": {**self.ways(page, role_id, role, self.views.moves(role_id)), "onward": []},
        }

    def ways(self, page: str, role_id: str, role: Role, moves: list[tuple[str, Transition]]) -> dict[str, Any]:
        """The reader's ways into the role and on from it, for the first screen: the moves from and to other roles
        (not promotions, not the career paths within this role, which the page lists), and the routes in."""
        within = {
            other
            for _, other in self.views.back.of("roles", role_id, "roles")
            if getattr(self.link.entity("roles", other), "variant_of", None) == role_id
        }
        into = [
            self.link.ref(page, "transitions", move_id, f"from {self.link.title('roles', move.from_role)}")
            for move_id, move in moves
            if move.to_role == role_id and move.from_role != role_id
        ]
        onward = [
            self.link.ref(page, "transitions", move_id, f"to {self.link.title('roles', move.to_role)}")
            for move_id, move in moves
            if move.from_role == role_id and move.to_role != role_id and move.to_role not in within
        ]
        education = role.education or role.backgrounds or role.prior_roles
        own = f"roles/{role_id}.md"
        return {
            "into": into,
            "onward": onward,
            "routes": self.link.page_ref(page, own, "education and backgrounds", "education-and-backgrounds")
            if education
            else None,
            "moves": self.link.page_ref(page, own, "All career moves", "career-moves") if moves else None,
            "map": self.link.page_ref(page, "career-paths.md", "the map of career moves"),
        }

    def by_stage(self, page: str, role: Role, levels: list[str]) -> list[dict[str, Any]]:
        """The role's responsibilities grouped by stage of the work; those that start at a level say so."""
        since: dict[str, Ref | None] = dict.fromkeys(role.responsibilities)
        for level_id in levels:
            level = self.link.entity("levels", level_id)
            assert isinstance(level, Level)
            for responsibility_id in level.responsibilities:
                since.setdefault(responsibility_id, self.link.ref(page, "levels", level_id))
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for responsibility_id, level_ref in since.items():
            entity = self.link.entity("responsibilities", responsibility_id)
            assert isinstance(entity, Responsibility)
            grouped[entity.stage].append(
                {
                    "ref": self.link.ref(page, "responsibilities", responsibility_id),
                    "description": entity.description,
                    "since": level_ref,
                }
            )
        return [{"name": name, "items": grouped[stage]} for stage, name in STAGE_NAMES.items() if grouped[stage]]

    def skill_groups(self, page: str, role: Role, levels: list[str]) -> list[dict[str, Any]]:
        """The role's skills by category, each category in the order that matters at the top level."""
        top = levels[-1] if levels else None
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in ordered(role, top, lambda sid: self.link.title("skills", sid)):
            skill = self.link.entity("skills", entry.skill)
            assert isinstance(skill, Skill)
            cells = [proficiency_cell(entry, level_id) for level_id in levels] or [proficiency_cell(entry, None)]
            groups[skill.category].append(
                {"skill": self.link.ref(page, "skills", entry.skill), "importance": importance(entry), "cells": cells}
            )
        return [{"category": CATEGORY_NAMES[key], "rows": groups[key]} for key in CATEGORY_NAMES if groups[key]]

    def move(self, page: str, move_id: str, move: Transition, role_id: str) -> dict[str, Any]:
        """One career move as a role page lists it: the direction, the other end, the kind, its page."""
        into = move.to_role == role_id and move.from_role != role_id
        role, level = (move.from_role, move.from_level) if into else (move.to_role, move.to_level)
        return {
            "direction": "From" if into else "To",
            "other": self.link.ref(page, "roles", role),
            "level": self.link.ref(page, "levels", level) if level else None,
            "kind": _KIND_WORDS[move.kind] + mark(move.kind_basis),
            "page": self.link.ref(page, "transitions", move_id, "what to learn"),
        }


_KIND_WORDS = {"promotion": "a promotion", "lateral": "a lateral move", "pivot": "a pivot", "entry": "a first job"}
"""A kind of career move as the role page's list of moves says it."""

_SECTION_NAMES = {
    "skills": "skills",
    "responsibilities": "responsibilities",
    "tools": "tools",
    "challenges and opportunities": "challenges",
    "education and backgrounds": "backgrounds",
    "figures": "facts",
    "career moves": "moves",
}
"""A section's name as the page says it is left out → the key of its content in the page's sections."""
