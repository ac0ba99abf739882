"""The hiring page: each role's levels side by side by dimension and by their places in public frameworks, and a
job outline per level that a hiring manager can copy as plain text."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Level, Role, RoleSkill
from generator.content.models.evidence import Fact
from generator.content.models.levelling import DIMENSION_NAMES, LevelDimension
from generator.content.models.sources import Source
from generator.content.rules.reserved import SECTION_PAGES
from generator.pages.evidence import Evidence, mark, proficiency_cell
from generator.pages.frameworks import PLAIN_MARKS, Citations, Frameworks, plain
from generator.pages.priority import level_value, ordered
from generator.pages.site import Linker, Page

HIRING_PAGE = SECTION_PAGES["frameworks"]
MUST_HAVES = 8
"""At most this many skills in a job outline: the first essential ones in the order priority.py gives at the level."""
KEYWORDS = [
    "job description",
    "job advert",
    "job outline",
    "levelling",
    "leveling",
    "job levels",
    "career framework",
    "hiring manager",
    "recruiting",
    "SFIA",
    "staff engineer",
    "pay band",
]
"""Words readers search for when they want this page."""


class Hiring:
    """Builds the hiring page."""

    def __init__(self, content: Content, link: Linker, evidence: Evidence) -> None:
        self.content = content
        self.link = link
        self.evidence = evidence

    def page(self) -> Page:
        """Every role with levels (cards, then outlines), pay, the frameworks, then the sources cited."""
        page = HIRING_PAGE
        cites = Citations(self.link, page)
        frameworks = Frameworks(self.content, self.link, page, cites)
        roles = [
            self.role(page, role_id, role, frameworks, cites)
            for role_id in self.link.sorted_ids("roles")
            if isinstance(role := self.link.entity("roles", role_id), Role) and role.levels
        ]
        view = {
            "roles": roles,
            "frameworks": [frameworks.section(framework_id) for framework_id in frameworks.ids],
            "uncovered": frameworks.uncovered(),
            "must_haves": MUST_HAVES,
            "keywords": KEYWORDS,
            "ladder": self.link.page_ref(page, "ladder/index.md", "career ladder"),
            "planner": self.link.page_ref(page, "planner/index.md", "skills planner"),
            "scale": self.evidence.scale(page),
            "facts": self.link.page_ref(page, "facts/index.md", "Facts and figures", "salaries"),
            "official": self.official_pay(page),
            "official_own": any(fact["role"] in [role["ref"] for role in roles] for fact in self.official_pay(page)),
            "cited": cites.listing(),
        }
        return Page(page, "hiring.md.j2", "Hiring and levelling", view)

    def role(self, page: str, role_id: str, role: Role, frameworks: Frameworks, cites: Citations) -> dict[str, Any]:
        """A role's levels as cards, one row per dimension and per framework, and a job outline for each level."""
        levels = [(level_id, self.link.entity("levels", level_id)) for level_id in role.levels]
        return {
            "id": role_id,
            "ref": self.link.ref(page, "roles", role_id),
            "rows": 1 + len(DIMENSION_NAMES) + len(frameworks.ids) + 1,  # title, dimensions, frameworks, pay
            "levels": [
                self.card(page, role_id, level_id, level, frameworks, cites)
                for level_id, level in levels
                if isinstance(level, Level)
            ],
            "outlines": [
                self.outline(page, role_id, role, level_id, level, frameworks)
                for level_id, level in levels
                if isinstance(level, Level)
            ],
        }

    def card(
        self, page: str, role_id: str, level_id: str, level: Level, frameworks: Frameworks, cites: Citations
    ) -> dict[str, Any]:
        """One level: a cell per dimension, its place in each framework and its pay, each with its evidence."""
        described: dict[str, LevelDimension] = {dimension.dimension: dimension for dimension in level.dimensions}
        cells = []
        for key, name in DIMENSION_NAMES.items():
            found = described.get(key)
            cells.append(
                {
                    "name": name,
                    "text": found.text if found else "",
                    "mark": mark(found.basis) if found else "",
                    "cites": cites.cite(found.sources) if found else [],
                }
            )
        return {
            "id": level_id,
            "anchor": f"levels-{role_id}-{level_id}",
            "ref": self.link.ref(page, "levels", level_id),
            "cells": cells,
            "places": frameworks.places(level),
            "pay": [self.evidence.fact(page, fact_id) for fact_id in self._pay(role_id, level_id)],
        }

    def _pay(self, role_id: str, level_id: str) -> list[str]:
        """The salary figures recorded for a role at one level, in id order."""
        return [
            fact_id
            for fact_id, fact in sorted(self.content.entities["facts"].items())
            if isinstance(fact, Fact) and fact.metric == "salary" and fact.role == role_id and fact.level == level_id
        ]

    def official_pay(self, page: str, role_id: str | None = None) -> list[dict[str, Any]]:
        """The salary figures that come from official statistics: for one role, or (without it) for any role."""
        found = []
        for fact_id, fact in sorted(self.content.entities["facts"].items()):
            source = self.content.entities["sources"].get(getattr(fact, "source", ""))
            official = isinstance(source, Source) and source.kind == "official-statistics"
            if isinstance(fact, Fact) and fact.metric == "salary" and official and role_id in (None, fact.role):
                found.append(self.evidence.fact(page, fact_id))
        return found

    def _pay_line(self, page: str, role_id: str, pay: list[dict[str, Any]]) -> str:
        """The outline's pay: the level's own figures, else that there is none and the official figures, the role's
        own if there are any, else those of its neighbouring occupations (which are the nearest is a judgement)."""
        if pay:
            return "; ".join(f"{f['value']} ({f['context']}; per {f['by']})" for f in pay)
        own = self.official_pay(page, role_id)
        figures = own or self.official_pay(page)
        listed = "; ".join(f"{f['role'].text}, {f['value']} ({f['context']}; per {f['by']})" for f in figures)
        label = "Official figures for the whole role" if own else "Official figures for neighbouring occupations (✎)"
        return "no reliable figure for this level in the handbook's sources" + (
            f". {label}: {listed}" if listed else ""
        )

    def must_haves(self, role: Role, level_id: str) -> list[RoleSkill]:
        """The first essential skills of a role at a level in the handbook's order of priority, at most MUST_HAVES."""

        def title(skill_id: str) -> str:
            return self.link.title("skills", skill_id)

        ranked = ordered(role, level_id, title)
        return [e for e in ranked if e.importance == "essential" and level_value(e, level_id)][:MUST_HAVES]

    def outline(
        self, page: str, role_id: str, role: Role, level_id: str, level: Level, frameworks: Frameworks
    ) -> dict[str, Any]:
        """A job outline as plain text (purpose, must-have skills at their proficiency, the work that defines the
        level, what to look for, pay, places in other frameworks) and the linked evidence behind each line."""
        skills = self.must_haves(role, level_id)
        cells = [proficiency_cell(entry, level_id) for entry in skills]
        pay = [self.evidence.fact(page, fact_id) for fact_id in self._pay(role_id, level_id)]
        lines = [plain(level.title), "", f"Purpose: {plain(level.purpose or 'not recorded')}", ""]
        lines.append(f"Must-have skills ({len(skills)}), with the proficiency expected at this level:")
        lines += [
            f"- {self.link.title('skills', entry.skill)}: {cell['value']}{PLAIN_MARKS[cell['basis']]}"
            for entry, cell in zip(skills, cells, strict=True)
        ]
        lines += ["", "Responsibilities that define the level:"]
        lines += [f"- {plain(self.link.title('responsibilities', rid))}" for rid in level.responsibilities] or [
            "- none recorded"
        ]
        lines += ["", "What to look for:"]
        lines += [f"- {plain(item.text)}{PLAIN_MARKS[item.basis]}" for item in level.look_for] or ["- not recorded"]
        lines += ["", f"Pay: {plain(self._pay_line(page, role_id, pay))}"]
        lines.append(f"Level in other frameworks: {'; '.join(frameworks.elsewhere(level)) or 'not mapped'}")
        lines += [
            "",
            "(≈) read from a source's wording; (✎) the handbook's judgement. From the ML Engineering Handbook.",
        ]
        return {
            "anchor": f"outline-{role_id}-{level_id}",
            "title": level.title,
            "lines": lines,
            "skills": [
                {"ref": self.link.ref(page, "skills", entry.skill), **cell}
                for entry, cell in zip(skills, cells, strict=True)
            ],
            "responsibilities": self.link.refs(page, "responsibilities", level.responsibilities),
            "look_for": [
                {"text": item.text, "mark": mark(item.basis), "sources": self.link.refs(page, "sources", item.sources)}
                for item in level.look_for
            ],
        }
