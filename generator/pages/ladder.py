"""The career ladder: the levels side by side, and what changes from one to the next, summarised by category."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Level, Role
from generator.content.models.evidence import Fact
from generator.content.models.work import Skill
from generator.content.rules.reserved import SECTION_PAGES
from generator.pages.evidence import Evidence, proficiency_cell
from generator.pages.planner import level_assess_refs
from generator.pages.priority import higher, level_value, ordered
from generator.pages.site import Linker, Page
from generator.pages.views import CATEGORY_NAMES, Backlinks, EntityViews

PAGE = SECTION_PAGES["levels"]
"""The career ladder, on which each level is a section."""
KEY_SKILLS = 3
"""How many skills per category the side-by-side table names for each level."""
EXAMPLES = 3
"""How many of the skills that rise in a category the summary of a step names."""


class Ladder:
    """Builds the career ladder page."""

    def __init__(
        self, content: Content, link: Linker, back: Backlinks, entities: EntityViews, evidence: Evidence
    ) -> None:
        self.content = content
        self.link = link
        self.back = back
        self.entities = entities
        self.evidence = evidence

    def page(self) -> Page:
        """Each level's own section, and for every role with levels the levels as columns and each step up."""
        page = PAGE
        level_ids = sorted(
            self.content.entities["levels"], key=lambda lid: getattr(self.link.entity("levels", lid), "rank", 0)
        )
        levels = [self.level(page, level_id) for level_id in level_ids]
        ladders = [
            self.role_ladder(page, role_id, role)
            for role_id in self.link.sorted_ids("roles")
            if isinstance(role := self.link.entity("roles", role_id), Role) and role.levels
        ]
        hiring = self.link.page_ref(page, "hiring/index.md", "Hiring and levelling")
        return Page(page, "ladder.md.j2", "Career ladder", {"levels": levels, "ladders": ladders, "hiring": hiring})

    def level(self, page: str, level_id: str) -> dict[str, Any]:
        """One level: its summary, expectations, the duties that start there and its figures."""
        level = self.link.entity("levels", level_id)
        assert isinstance(level, Level)
        facts = [
            fid
            for _, fid in self.back.of("levels", level_id, "facts")
            if isinstance(fact := self.content.entities["facts"][fid], Fact) and fact.level == level_id
        ]
        return {
            "id": level_id,
            "level": level,
            "ref": self.link.ref(page, "levels", level_id),
            "responsibilities": self.link.refs(page, "responsibilities", level.responsibilities),
            "facts": [self.evidence.fact(page, fid) for fid in facts],
            "rank": level.rank,
            "rank_basis": level.rank_basis,
            "rank_locator": level.rank_locator or "",
            "disputes": self.evidence.about(page, "levels", level_id),
            "assess": level_assess_refs(self.content, self.link, page, level_id),
            "sources": self.link.refs(page, "sources", level.sources),
        }

    def role_ladder(self, page: str, role_id: str, role: Role) -> dict[str, Any]:
        """A role's levels as columns (key skills per category) and a summary of every step up."""
        title = lambda sid: self.link.title("skills", sid)  # noqa: E731
        categories = {
            entry.skill: getattr(self.link.entity("skills", entry.skill), "category", "") for entry in role.skills
        }
        rows = []
        for category, name in CATEGORY_NAMES.items():
            cells = []
            for level_id in role.levels:
                top = [e for e in ordered(role, level_id, title) if categories[e.skill] == category][:KEY_SKILLS]
                cells.append(
                    [
                        {"ref": self.link.ref(page, "skills", e.skill), **proficiency_cell(e, level_id)}
                        for e in top
                        if level_value(e, level_id)
                    ]
                )
            if any(cells):
                rows.append({"category": name, "cells": cells})
        steps = [
            self.step(page, role, lower, upper) for lower, upper in zip(role.levels, role.levels[1:], strict=False)
        ]
        return {
            "role": self.link.ref(page, "roles", role_id),
            "skills": self.link.page_ref(page, f"roles/{role_id}.md", "every skill by level", "skills"),
            "levels": [self.level(page, level_id) for level_id in role.levels],
            "rows": rows,
            "steps": steps,
            "scale": self.evidence.scale(page),
        }

    def step(self, page: str, role: Role, lower: str, upper: str) -> dict[str, Any]:
        """What changes from one level to the next: per category, how many skills rise and how, with examples."""
        rises: dict[str, list[dict[str, Any]]] = defaultdict(list)
        counts: Counter[str] = Counter()
        for entry in ordered(role, upper, lambda sid: self.link.title("skills", sid)):
            skill = self.link.entity("skills", entry.skill)
            assert isinstance(skill, Skill)
            counts[skill.category] += 1
            before, after = level_value(entry, lower), level_value(entry, upper)
            if before and after and higher(after, before):
                rises[skill.category].append(
                    {
                        "ref": self.link.ref(page, "skills", entry.skill),
                        "before": proficiency_cell(entry, lower),
                        "after": proficiency_cell(entry, upper),
                    }
                )
        higher_level = self.link.entity("levels", upper)
        assert isinstance(higher_level, Level)
        return {
            "from": self.link.ref(page, "levels", lower),
            "to": self.link.ref(page, "levels", upper),
            "categories": [
                {
                    "name": name,
                    "rise": len(rises[key]),
                    "of": counts[key],
                    "usual": _usual(rises[key]),
                    "examples": rises[key][:EXAMPLES],
                    "all": rises[key],
                }
                for key, name in CATEGORY_NAMES.items()
                if rises[key]
            ],
            "responsibilities": self.link.refs(page, "responsibilities", higher_level.responsibilities),
            "expectations": higher_level.expectations,
        }


def _usual(rises: list[dict[str, Any]]) -> str:
    """The most common change among the skills that rise, e.g. 'working → practitioner'."""
    changes = Counter(f"{rise['before']['value']} → {rise['after']['value']}" for rise in rises)
    return changes.most_common(1)[0][0] if changes else ""
