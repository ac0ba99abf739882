"""Entity pages: every lookup and backlink a role, skill or other entity page shows is resolved here."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Role, Transition
from generator.content.models.evidence import Fact
from generator.content.models.work import Challenge, Opportunity, Responsibility, Skill, Tool
from generator.content.rules.references import references
from generator.pages import crosswalk
from generator.pages.evidence import Evidence, importance, proficiency_cell
from generator.pages.resources import Resources
from generator.pages.site import Linker, Page, Ref

CATEGORY_NAMES = {
    "programming": "Programming",
    "ml-and-data": "Machine learning and data",
    "math-and-statistics": "Mathematics and statistics",
    "infrastructure": "Infrastructure",
    "software-engineering": "Software engineering",
    "soft-skill": "Soft skills",
    "trait": "Traits",
}
FAMILY_NAMES = {
    "machine-learning": "Machine learning",
    "data": "Data",
    "software": "Software",
    "education": "Study and training",
}
COVERAGE_NAMES = {
    "skills": "skills",
    "responsibilities": "responsibilities",
    "tools": "tools",
    "education": "education",
    "backgrounds": "backgrounds",
    "prior_roles": "previous roles",
}
TOOL_TYPE_NAMES = {"language": "Languages", "framework": "Frameworks", "library": "Libraries", "platform": "Platforms"}


class Backlinks:
    """Who refers to whom: (kind, id) → the (kind, id) of every entity that refers to it."""

    def __init__(self, content: Content) -> None:
        # A dict keeps the first-seen order and drops repeats in constant time, however many entries cite a target.
        referrers: dict[tuple[str, str], dict[tuple[str, str], None]] = defaultdict(dict)
        for kind, entities in content.entities.items():
            for entity_id, entity in sorted(entities.items()):
                for _, target, ref in references(kind, entity.model_dump()):
                    referrers[(target, ref)][(kind, entity_id)] = None
        self.by_target: dict[tuple[str, str], list[tuple[str, str]]] = {
            target: list(found) for target, found in referrers.items()
        }

    def of(self, kind: str, entity_id: str, referrer_kind: str | None = None) -> list[tuple[str, str]]:
        """Entities referring to (kind, id), optionally only those of one kind."""
        found = self.by_target.get((kind, entity_id), [])
        return [item for item in found if referrer_kind is None or item[0] == referrer_kind]


class EntityViews:
    """Builds the page of every entity that has one."""

    def __init__(self, content: Content, linker: Linker, backlinks: Backlinks, evidence: Evidence) -> None:
        self.content = content
        self.link = linker
        self.back = backlinks
        self.evidence = evidence
        self.resources = Resources(content)
        self._about: dict[str, list[str]] | None = None

    def sources(self, page: str, ids: list[str]) -> list[Ref]:
        """Citation links to the sources page."""
        return self.link.refs(page, "sources", ids)

    def fact_rows(self, page: str, facts: list[tuple[str, Fact]]) -> list[dict[str, Any]]:
        """Table rows for facts, each with its period, publication date, note and citation."""
        return [self.evidence.fact(page, fact_id) for fact_id, _ in facts]

    def facts_about(self, role_id: str) -> list[tuple[str, Fact]]:
        """Facts about one role, in id order."""
        return [
            (fid, fact)
            for _, fid in self.back.of("roles", role_id, "facts")
            if isinstance(fact := self.content.entities["facts"][fid], Fact) and fact.role == role_id
        ]

    def moves(self, role_id: str) -> list[tuple[str, Transition]]:
        """Career moves that start or end at a role, in id order."""
        transitions = self.content.entities["transitions"]
        return [
            (tid, move)
            for _, tid in self.back.of("roles", role_id, "transitions")
            if isinstance(move := transitions[tid], Transition)
        ]

    def _comparisons_about(self, entity_id: str) -> list[str]:
        """Curated comparisons with a row about an entity (by id), in id order; indexed on first use."""
        if self._about is None:
            self._about = defaultdict(list)
            for comparison_id, comparison in sorted(self.content.entities["comparisons"].items()):
                refs = {ref for d in getattr(comparison, "dimensions", []) for ref in d.left_refs + d.right_refs}
                for ref in sorted(refs):
                    self._about[ref].append(comparison_id)
        return self._about.get(entity_id, [])

    def described(self, page: str, kind: str, ids: list[str]) -> list[dict[str, Any]]:
        """Links with the one-line description of each entity."""
        return [
            {
                "ref": self.link.ref(page, kind, entity_id),
                "description": getattr(self.link.entity(kind, entity_id), "description", ""),
            }
            for entity_id in ids
        ]

    def roles_with_skill(self, page: str, skill_id: str) -> list[dict[str, Any]]:
        """Every role that lists a skill, with importance and proficiency per level."""
        rows = []
        for _, role_id in self.back.of("skills", skill_id, "roles"):
            role = self.link.entity("roles", role_id)
            assert isinstance(role, Role)
            entry = next(item for item in role.skills if item.skill == skill_id)
            levels = [value.level for value in entry.proficiency]
            rows.append(
                {
                    "role": self.link.ref(page, "roles", role_id),
                    "importance": importance(entry),
                    "importance_locator": entry.importance_locator or "",
                    "proficiency": [
                        {
                            "level": self.link.title("levels", level) if level else "",
                            **proficiency_cell(entry, level),
                        }
                        for level in levels
                    ],
                    "sources": self.sources(page, entry.sources),
                }
            )
        return rows

    def skill(self, skill_id: str, skill: Skill) -> Page:
        """A skill's page: who needs it and how much, related tools, sources."""
        page = f"skills/{skill_id}.md"
        view = {
            "skill": skill,
            "category": CATEGORY_NAMES[skill.category],
            "roles": self.roles_with_skill(page, skill_id),
            "tools": self.link.refs(page, "tools", skill.tools),
            "resources": self.resources.for_skill(skill_id),
            "editorial": skill.description_basis == "editorial",
            "descriptors": [
                {"level": item.level, "text": item.text, "sources": self.sources(page, item.sources)}
                for item in skill.levels
            ],
            "scale": self.evidence.scale(page),
            "disputes": self.evidence.about(page, "skills", skill_id),
            "codes": crosswalk.codes(self.link, page, skill.codes),
            "sources": self.sources(page, skill.sources),
        }
        return Page(
            page, "skill.md.j2", skill.name, view, f"content/skills/{skill_id}.yaml", [CATEGORY_NAMES[skill.category]]
        )

    def simple(self, kind: str, entity_id: str, entity: Responsibility | Tool | Challenge | Opportunity) -> Page:
        """A responsibility, tool, challenge or opportunity page, with the roles, levels and skills using it."""
        page = f"{kind}/{entity_id}.md"
        users = self.back.of(kind, entity_id)
        view = {
            "entity": entity,
            "kind": kind,
            "roles": [self.link.ref(page, *item) for item in users if item[0] == "roles"],
            "levels": [self.link.ref(page, *item) for item in users if item[0] == "levels"],
            "skills": [self.link.ref(page, *item) for item in users if item[0] == "skills"],
            "comparisons": [self.link.ref(page, "comparisons", cid) for cid in self._comparisons_about(entity_id)],
            "duties": [self.link.ref(page, *item) for item in users if item[0] == "duties"],
            "url": getattr(entity, "url", None),
            "mitigations": getattr(entity, "mitigations", []),
            "keywords": getattr(entity, "keywords", []),
            "type": TOOL_TYPE_NAMES.get(getattr(entity, "type", ""), ""),
            "editorial": getattr(entity, "description_basis", "sourced") == "editorial",
            "disputes": self.evidence.about(page, kind, entity_id),
            "sources": self.sources(page, entity.sources),
        }
        title = entity.name if isinstance(entity, Tool) else entity.title
        tool_type = TOOL_TYPE_NAMES.get(getattr(entity, "type", ""), "")
        tags = [tool_type] if tool_type else []
        return Page(page, "entity.md.j2", title, view, f"content/{kind}/{entity_id}.yaml", tags)


def words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 2 else items)


def short_level(level: str, role: str) -> str:
    """A level's name without the role's, for a table's column ("Junior"); the page names the levels in full."""
    prefix = level.removesuffix(" " + role).strip()
    return prefix if prefix and prefix != level else level
