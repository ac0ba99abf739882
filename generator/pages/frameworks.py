"""Public levelling frameworks (SFIA, a government's framework, employers' ladders) as views: where a handbook level
sits in each, each framework's levels with the handbook levels mapped to them, and what the handbook leaves out."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Level
from generator.content.models.levelling import FRAMEWORK_KIND_NAMES, Framework, FrameworkMapping
from generator.pages.evidence import mark
from generator.pages.site import Linker, Ref

PLAIN_MARKS = {"stated": "", "derived": " (≈)", "editorial": " (✎)"}
"""Marks in plain text, bracketed so that they survive pasting into any editor."""


def plain(text: str) -> str:
    """Contributor text on one line, for plain text shown exactly as it is (in a code block)."""
    return " ".join(text.split())


class Citations:
    """Numbers the sources a page cites, in the order they are first cited."""

    def __init__(self, link: Linker, page: str) -> None:
        self.link = link
        self.page = page
        self.order: list[str] = []

    def cite(self, source_ids: list[str]) -> list[dict[str, Any]]:
        """The citation marks for some sources: their numbers and links to the list at the foot of the page."""
        marks = []
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            marks.append({"n": number, "href": f"#cited-{number}"})
        return marks

    def listing(self) -> list[dict[str, Any]]:
        """Every source cited, numbered, with a link to its entry on the sources page."""
        return [
            {"n": number, "anchor": f"cited-{number}", "ref": self.link.ref(self.page, "sources", source_id)}
            for number, source_id in enumerate(self.order, start=1)
        ]


class Frameworks:
    """The frameworks' views for one page, citing through that page's `Citations`."""

    def __init__(self, content: Content, link: Linker, page: str, cites: Citations) -> None:
        self.content = content
        self.link = link
        self.page = page
        self.cites = cites
        kinds = list(FRAMEWORK_KIND_NAMES)
        self.ids = sorted(
            content.entities["frameworks"],
            key=lambda fid: (kinds.index(self._get(fid).kind), self.link.title("frameworks", fid).casefold()),
        )
        """Skills frameworks first, then governments', then employers' ladders, each group by title."""

    def _get(self, framework_id: str) -> Framework:
        framework = self.link.entity("frameworks", framework_id)
        assert isinstance(framework, Framework)
        return framework

    def places(self, level: Level) -> list[dict[str, Any]]:
        """Where a level sits in every framework: the levels it corresponds to, that none does, or not mapped."""
        mapped = {mapping.framework: mapping for mapping in level.mappings}
        return [self._place(framework_id, mapped.get(framework_id)) for framework_id in self.ids]

    def _place(self, framework_id: str, mapping: FrameworkMapping | None) -> dict[str, Any]:
        framework = self._get(framework_id)
        names = {item.id: item.name for item in framework.levels}
        return {
            "framework": self.link.ref(self.page, "frameworks", framework_id, framework.short_title or framework.title),
            "mapped": mapping is not None,
            "levels": [names[item] for item in mapping.levels] if mapping else [],
            "mark": mark(mapping.basis) if mapping else "",
            "cites": self.cites.cite(mapping.sources) if mapping else [],
        }

    def elsewhere(self, level: Level) -> list[str]:
        """A level's places in the frameworks in plain words, such as 'SFIA 9: Level 4 - Enable (✎)'."""
        found = []
        for mapping in level.mappings:
            framework = self._get(mapping.framework)
            names = {item.id: item.name for item in framework.levels}
            shown = ", ".join(names[item] for item in mapping.levels) or "no corresponding level"
            name = framework.short_title or framework.title
            found.append(f"{plain(name)}: {plain(shown)}{PLAIN_MARKS[mapping.basis]}")
        return found

    def _levels(self) -> list[tuple[str, Level]]:
        """Every handbook level, the most junior first."""
        levels = [(lid, level) for lid, level in self.content.entities["levels"].items() if isinstance(level, Level)]
        return sorted(levels, key=lambda item: (item[1].rank, item[0]))

    def section(self, framework_id: str) -> dict[str, Any]:
        """A framework's levels in order, each with the handbook levels mapped to it, then why each maps there."""
        framework = self._get(framework_id)
        mapped_to: dict[str, list[Ref]] = {item.id: [] for item in framework.levels}
        reasons = []
        for level_id, level in self._levels():
            for mapping in (item for item in level.mappings if item.framework == framework_id):
                for item in mapping.levels:
                    mapped_to[item].append(self.link.ref(self.page, "levels", level_id))
                reasons.append(
                    {
                        "level": self.link.ref(self.page, "levels", level_id),
                        "levels": [item.name for item in framework.levels if item.id in mapping.levels],
                        "mark": mark(mapping.basis),
                        "locator": mapping.locator or "",
                        "rationale": mapping.rationale,
                        "cites": self.cites.cite(mapping.sources),
                    }
                )
        return {
            "id": framework_id,
            "title": framework.title,
            "short": framework.short_title or framework.title,
            "kind": FRAMEWORK_KIND_NAMES[framework.kind],
            "publisher": framework.publisher,
            "note": framework.note or "",
            "cites": self.cites.cite(framework.sources),
            "rows": [
                {
                    "name": item.name,
                    "summary": item.summary or "",
                    "cites": self.cites.cite(item.sources or framework.sources) if item.summary else [],
                    "handbook": mapped_to[item.id],
                }
                for item in framework.levels
            ],
            "reasons": reasons,
        }

    def uncovered(self) -> list[dict[str, Any]]:
        """Per framework, its levels that no handbook level maps to: what the handbook does not describe."""
        found = []
        for framework_id in self.ids:
            framework = self._get(framework_id)
            covered = {
                item
                for _, level in self._levels()
                for mapping in level.mappings
                if mapping.framework == framework_id
                for item in mapping.levels
            }
            missing = [item.name for item in framework.levels if item.id not in covered]
            if missing:
                name = framework.short_title or framework.title
                found.append(
                    {"framework": self.link.ref(self.page, "frameworks", framework_id, name), "levels": missing}
                )
        return found
