"""Pages that gather many entities: home, indexes, career ladder, facts, sources, glossary, FAQ, trends."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from generator.content.checker import Content
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Role
from generator.content.models.evidence import Fact
from generator.content.models.sources import SOURCE_KIND_NAMES
from generator.content.models.work import Skill
from generator.content.rules.reserved import SECTION_PAGES
from generator.pages.evidence import DISPUTES_PAGE, SCALE_PAGE, Evidence, importance
from generator.pages.site import LISTINGS, Linker, Page, Ref
from generator.pages.views import CATEGORY_NAMES, FAMILY_NAMES, TOOL_TYPE_NAMES, Backlinks, EntityViews

INDEX_KINDS = {
    "roles": "The machine learning engineer, its variants, and the roles it is compared with.",
    "responsibilities": "The duties the roles in this handbook carry.",
    "tools": "Languages, frameworks, libraries and platforms named by the sources.",
    "challenges": "What makes the work hard, and what helps.",
    "opportunities": "What makes the role attractive.",
}
"""Kinds whose list is a plain index page → its introduction (its path and title are in `LISTINGS`)."""


ABSENT = {"described": "—", "partial": "not listed", "not-recorded": "not recorded"}
"""What a roles × skills cell says when a role does not list a skill, by how fully its skills are described."""


MATRIX_CELLS = 5000
"""Above this many roles × skills, the skills index lists the roles of each skill instead of a full matrix."""

KIND_NAMES = {"faqs": "Questions", "terms": "Glossary", "transitions": "Career moves", "disputes": "Disagreements"}
"""What the sources page calls the entries of a kind that cite a source, where the kind's name would not read."""


def _importance(role: object, skill_id: str) -> str:
    return next((entry.importance for entry in getattr(role, "skills", []) if entry.skill == skill_id), "")


class Overviews:
    """Builds every page that lists or compares many entities."""

    def __init__(
        self, content: Content, linker: Linker, backlinks: Backlinks, entities: EntityViews, evidence: Evidence
    ) -> None:
        self.content = content
        self.link = linker
        self.back = backlinks
        self.entities = entities
        self.evidence = evidence

    def index(self, kind: str) -> Page:
        """A plain index of one kind: each entry with its one-line description."""
        page, title = LISTINGS[kind]
        intro = INDEX_KINDS[kind]
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entity_id in self.link.sorted_ids(kind):
            entity = self.link.entity(kind, entity_id)
            group = TOOL_TYPE_NAMES.get(getattr(entity, "type", ""), "") or FAMILY_NAMES.get(
                getattr(entity, "family", ""), ""
            )
            description = getattr(entity, "description", None) or getattr(entity, "summary", "")
            groups[group].append({"ref": self.link.ref(page, kind, entity_id), "description": description})
        view = {"intro": intro, "groups": [{"name": name, "items": items} for name, items in sorted(groups.items())]}
        return Page(page, "index.md.j2", title, view)

    def skills_index(self) -> Page:
        """Skills by category, and a roles × skills matrix (or, once that is too big to read, who needs each skill)."""
        page = "skills/index.md"
        roles = [(rid, self.link.entity("roles", rid)) for rid in self.link.sorted_ids("roles")]
        categories: dict[str, list[dict[str, Any]]] = {name: [] for name in CATEGORY_NAMES}
        matrix = []
        entries = {rid: {item.skill: item for item in getattr(role, "skills", [])} for rid, role in roles}
        if len(roles) * len(self.content.entities["skills"]) > MATRIX_CELLS:
            return self._skills_by_role(page, categories)
        for skill_id in self.link.sorted_ids("skills"):
            skill = self.link.entity("skills", skill_id)
            assert isinstance(skill, Skill)
            categories[skill.category].append(
                {"ref": self.link.ref(page, "skills", skill_id), "description": skill.description}
            )
            cells = []
            for rid, role in roles:
                assert isinstance(role, Role)
                entry = entries[rid].get(skill_id)
                cells.append(importance(entry) if entry else ABSENT[role.coverage_of("skills")])
            matrix.append({"skill": self.link.ref(page, "skills", skill_id), "cells": cells})
        view = {
            "categories": [{"name": CATEGORY_NAMES[key], "items": items} for key, items in categories.items() if items],
            "roles": [self.link.ref(page, "roles", rid) for rid, _ in roles],
            "matrix": matrix,
            "by_skill": [],
        }
        return Page(page, "skills_index.md.j2", "Skills", view)

    def _skills_by_role(self, page: str, categories: dict[str, list[dict[str, Any]]]) -> Page:
        """The skills index with, per skill, the roles that list it: grows with the entries, not roles × skills."""
        rows = []
        for skill_id in self.link.sorted_ids("skills"):
            skill = self.link.entity("skills", skill_id)
            assert isinstance(skill, Skill)
            categories[skill.category].append(
                {"ref": self.link.ref(page, "skills", skill_id), "description": skill.description}
            )
            users = self.link.in_order("roles", (rid for _, rid in self.back.of("skills", skill_id, "roles")))
            weight = {rid: _importance(self.link.entity("roles", rid), skill_id) for rid in users}
            rows.append(
                {
                    "skill": self.link.ref(page, "skills", skill_id),
                    "essential": [self.link.ref(page, "roles", rid) for rid in users if weight[rid] == "essential"],
                    "optional": [self.link.ref(page, "roles", rid) for rid in users if weight[rid] == "optional"],
                }
            )
        view = {
            "categories": [{"name": CATEGORY_NAMES[key], "items": items} for key, items in categories.items() if items],
            "roles": [],
            "matrix": [],
            "by_skill": rows,
        }
        return Page(page, "skills_index.md.j2", "Skills", view)

    def facts(self) -> Page:
        """Every fact, grouped by what it measures, each row with its citation."""
        page = "facts/index.md"
        names = {"salary": "Salaries", "demand": "Demand", "background": "Backgrounds"}
        grouped: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        for fact_id, fact in sorted(self.content.entities["facts"].items()):
            assert isinstance(fact, Fact)
            grouped[fact.metric].append((fact_id, fact))
        groups = [
            {
                "name": names[key],
                "rows": self.entities.fact_rows(page, grouped[key]),
                "keywords": list(dict.fromkeys(word for _, fact in grouped[key] for word in fact.keywords)),
            }
            for key in names
            if grouped[key]
        ]
        return Page(page, "facts.md.j2", "Facts and figures", {"groups": groups})

    def sources(self) -> Page:
        """One section per source, listing every entity that cites it."""
        page = "sources/index.md"
        sections = []
        for source_id in self.link.sorted_ids("sources"):
            source = self.link.entity("sources", source_id)
            citing: dict[str, list[Ref]] = defaultdict(list)
            for kind, entity_id in self.back.of("sources", source_id):
                citing[kind].append(self.link.ref(page, kind, entity_id))
            sections.append(
                {
                    "id": source_id,
                    "source": source,
                    "date": str(getattr(source, "date", "not stated")),
                    "kind": SOURCE_KIND_NAMES[getattr(source, "kind", "article")],
                    "citing": [
                        {"kind": KIND_NAMES.get(kind, kind.capitalize()), "refs": refs}
                        for kind, refs in sorted(citing.items())
                    ],
                }
            )
        counts = Counter(section["kind"] for section in sections)
        kinds = [{"name": name, "count": counts[name]} for name in SOURCE_KIND_NAMES.values() if counts[name]]
        return Page(page, "sources.md.j2", "Sources", {"sources": sections, "kinds": kinds})

    def sections(self, kind: str, template: str, title: str) -> Page:
        """A page with one anchored section per entity (glossary, FAQ, trends, duties)."""
        page = SECTION_PAGES[kind]
        ids = self._reading_order(kind)
        items = [
            {
                "id": entity_id,
                "entity": entity,
                "sources": self.link.refs(page, "sources", getattr(entity, "sources", [])),
                "answer": self.evidence.prose(page, getattr(entity, "answer", "")),
                "editorial": _editorial_gloss(entity),
                "disputes": self.evidence.about(page, kind, entity_id),
                "roles": self.link.refs(page, "roles", getattr(entity, "roles", [])),
                "responsibilities": self.link.refs(page, "responsibilities", getattr(entity, "responsibilities", [])),
            }
            for entity_id, entity in ((entity_id, self.link.entity(kind, entity_id)) for entity_id in ids)
        ]
        return Page(page, template, title, {"items": items, "letters": _letters(items) if kind == "terms" else []})

    def _reading_order(self, kind: str) -> list[str]:
        """FAQs by their `order` (the most asked first), terms by the name they are shown under, others by title."""
        entities = self.content.entities[kind]
        if kind == "faqs":
            return sorted(entities, key=lambda fid: (getattr(entities[fid], "order", None) or 1001, fid))
        if kind == "terms":
            return sorted(entities, key=lambda tid: (_shown(entities[tid]).casefold(), tid))
        if kind == "duties":  # laws by the date they apply from, then the voluntary frameworks
            return sorted(entities, key=lambda did: (str(getattr(entities[did], "applies_from", None) or "9"), did))
        return self.link.sorted_ids(kind)

    def disputes(self) -> Page:
        """Where the sources disagree: every recorded disagreement, its positions and the entries it concerns."""
        items = [self.evidence.dispute(DISPUTES_PAGE, dispute_id) for dispute_id in self.link.sorted_ids("disputes")]
        return Page(DISPUTES_PAGE, "disputes.md.j2", "Where the sources disagree", {"items": items})

    def scale(self) -> Page:
        """The proficiency scale: each level's definition and what someone at that level can do."""
        levels = [
            {"id": level, "entity": self.link.entity("scale", level)}
            for level in PROFICIENCY_ORDER
            if level in self.content.entities["scale"]
        ]
        return Page(SCALE_PAGE, "scale.md.j2", "Proficiency scale", {"levels": levels}, tags=[])


def _editorial_gloss(entity: object) -> bool:
    """Whether a definition or description is the handbook's own explanation rather than a source's."""
    return "editorial" in (getattr(entity, name, "") for name in ("definition_basis", "description_basis"))


def _shown(term: object) -> str:
    """The name a glossary entry is listed under: its abbreviation when it has one, else its expansion."""
    return str(getattr(term, "abbreviation", None) or getattr(term, "expansion", ""))


def _letters(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The A–Z strip of the glossary: each initial letter with the anchor of the first entry under it."""
    first: dict[str, str] = {}
    for item in items:
        first.setdefault(_shown(item["entity"])[:1].upper(), item["id"])
    return [{"letter": letter, "id": entry} for letter, entry in first.items()]
