"""Learning resources and paths: every resource teaches some skill, a skill cites only resources a reader can open,
and a career move's route sources and demonstrations are backed by its own sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.loader import Loc
from generator.content.models.base import URL_PATTERN
from generator.content.models.learning import address_problem


def unused_resources(content: Content, used: set[tuple[str, str]]) -> list[Issue]:
    """A resource that no skill lists helps no reader: it is an error, not a warning.

    Only skills list resources, so the check needs every skill file parsed (valid or not), not the whole content;
    a resource file that is itself still invalid (a new one being filled in) is left to its own messages.
    """
    skills = {entity_id for kind, entity_id in content.present if kind == "skills"}
    if any(("skills", skill_id) not in content.documents for skill_id in skills):
        return []
    issues = []
    for resource_id in sorted(content.entities["resources"]):
        if ("resources", resource_id) not in used:
            advice = "list it under a skill's resources or remove it"
            message = f"resource '{resource_id}' is not used by any skill; {advice}"
            issues.append(Issue(content.shown[("resources", resource_id)], 1, 1, message))
    return issues


def skill_resources(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """A skill cites a resource only when the resource has an address a reader can follow."""
    for index, resource_id in enumerate(data.get("resources") or []):
        if ("resources", resource_id) not in content.present or resource_id in content.entities["resources"]:
            continue  # an unknown id is reported as such; a valid resource has a valid address
        problem = _address_problem(content, resource_id)
        if problem:
            yield ("resources", index), f"resource '{resource_id}' {problem}"


def _address_problem(content: Content, resource_id: str) -> str | None:
    document = content.documents.get(("resources", resource_id))
    url = document.data.get("url") if document is not None and isinstance(document.data, dict) else None
    if not isinstance(url, str) or not url.strip():
        return "has no address: give its url as read"
    if not re.fullmatch(URL_PATTERN, url):
        return f"has an address that is not a plain https address: {url!r}"
    problem = address_problem(url)
    return f"has an address a reader cannot follow: {problem}" if problem else None


def transition_rules(content: Content, data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """Route sources are among the move's sources; a route skill is one the goal lists, named by a route source; a
    demonstration a source gives cites it."""
    cited = set(data["sources"])
    route = set(data.get("route_sources") or [])
    for index, source_id in enumerate(data.get("route_sources") or []):
        if source_id not in cited:
            yield ("route_sources", index), f"'{source_id}' is not among this move's sources; add it there too"
    goal = content.entities["roles"].get(data["to_role"])
    listed = {entry.skill for entry in getattr(goal, "skills", [])}
    for index, item in enumerate(data.get("route_skills") or []):
        if goal is not None and item["skill"] not in listed and ("skills", item["skill"]) in content.present:
            yield ("route_skills", index, "skill"), f"role '{data['to_role']}' does not list skill '{item['skill']}'"
        for position, source_id in enumerate(item["sources"]):
            if source_id not in route:
                where: Loc = ("route_skills", index, "sources", position)
                yield where, f"'{source_id}' is not among this move's route_sources"
    for index, item in enumerate(data.get("demonstrations") or []):
        if item["basis"] == "sourced" and not item["sources"]:
            yield ("demonstrations", index, "sources"), "a sourced demonstration needs the sources that give it"
        elif item["basis"] == "editorial" and item["sources"]:
            yield ("demonstrations", index, "basis"), "an editorial demonstration cites no source; mark it 'sourced'"
