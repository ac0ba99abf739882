"""Learning resources as pages show them: beside a skill, a path's priority or a planner gap, free ones first."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.learning import COST_NAMES, COST_ORDER, FORMAT_NAMES, Resource
from generator.content.models.work import Skill
from generator.content.rules.reserved import SECTION_PAGES
from generator.pages.evidence import mark
from generator.pages.site import Linker, Page

RESOURCES_PAGE = SECTION_PAGES["resources"]
FORMAT_HEADINGS = {"course": "Courses", "book": "Books", "documentation": "Documentation", "tutorial": "Tutorials"}
FORMAT_HEADINGS["video"] = "Videos"


class Resources:
    """Looks up the resources that teach a skill and describes each one in a line."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def ids(self, skill_id: str) -> list[str]:
        """The resources a skill lists, free ones first, each group in the order the skill lists them."""
        skill = self.content.entities["skills"].get(skill_id)
        listed = skill.resources if isinstance(skill, Skill) else []
        found = [rid for rid in listed if isinstance(self.content.entities["resources"].get(rid), Resource)]
        return sorted(found, key=lambda rid: COST_ORDER.index(self._resource(rid).cost))

    def _resource(self, resource_id: str) -> Resource:
        resource = self.content.entities["resources"][resource_id]
        assert isinstance(resource, Resource)
        return resource

    def row(self, resource_id: str) -> dict[str, Any]:
        """One resource as text for a page: title, address, publisher, format, cost, level and stated time."""
        resource = self._resource(resource_id)
        return {
            "id": resource_id,
            "title": resource.title,
            "url": resource.url,
            "publisher": resource.publisher,
            "format": FORMAT_NAMES[resource.format],
            "cost": COST_NAMES[resource.cost],
            "cost_key": resource.cost,
            "cost_mark": mark(resource.cost_basis),
            "free": resource.cost == "free",
            "level": resource.level,
            "level_mark": mark(resource.level_basis),
            "time": resource.time or "",
            "description": resource.description,
        }

    def for_skill(self, skill_id: str, limit: int | None = None) -> list[dict[str, Any]]:
        """The rows of a skill's resources, free ones first; at most `limit` of them."""
        return [self.row(rid) for rid in self.ids(skill_id)[:limit]]

    def summary(self, row: dict[str, Any]) -> str:
        """A resource in a few words, for a line of text: 'Course, free, beginner, 9 weeks'."""
        parts = [row["format"], row["cost"], row["level"], row["time"]]
        return ", ".join(part for part in parts if part)


def resources_page(content: Content, link: Linker, resources: Resources) -> Page:
    """Every learning resource, by format, each with what it costs, whom it is for and the skills it teaches."""
    taught: dict[str, list[str]] = {}
    for skill_id in link.sorted_ids("skills"):
        skill = content.entities["skills"][skill_id]
        for resource_id in skill.resources if isinstance(skill, Skill) else []:
            taught.setdefault(resource_id, []).append(skill_id)
    groups = []
    for kind, heading in FORMAT_HEADINGS.items():
        ids = [
            rid
            for rid in link.sorted_ids("resources")
            if getattr(content.entities["resources"][rid], "format", "") == kind
        ]
        items = [
            {
                **resources.row(rid),
                "accessed": str(getattr(content.entities["resources"][rid], "accessed", "")),
                "notes": getattr(content.entities["resources"][rid], "notes", None) or "",
                "skills": link.refs(RESOURCES_PAGE, "skills", taught.get(rid, [])),
            }
            for rid in sorted(
                ids,
                key=lambda rid: (
                    COST_ORDER.index(resources.row(rid)["cost_key"]),
                    link.title("resources", rid).casefold(),
                ),
            )
        ]
        if items:
            groups.append({"heading": heading, "entries": items})
    return Page(RESOURCES_PAGE, "resources.md.j2", "Learning resources", {"groups": groups})
