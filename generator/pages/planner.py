"""The skills planner's page: every role's targets, the scale and the career moves, embedded as one JSON block.

The page's script (docs/assets/javascripts/planner.js) reads only this block, so the planner works from file://
without fetching anything. Links are docs-relative Markdown paths (`skills/python.md`); the script turns them
into the site's own link style. `version` is a hash of the data itself: a saved assessment records it, and a
change in it tells the planner to check the assessment against what changed (see generator/retired.py).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.content.checker import Content
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Level, Role, Transition
from generator.content.models.evidence import ScaleLevel
from generator.content.models.learning import PHASE_NAMES
from generator.content.models.work import Skill
from generator.content.retired import fates
from generator.pages.evidence import SCALE_PAGE
from generator.pages.markdown import relative
from generator.pages.paths import phase_of, plan
from generator.pages.resources import Resources
from generator.pages.site import Linker, Page, Ref
from generator.pages.views import CATEGORY_NAMES

RESOURCES_PER_SKILL = 2
"""How many resources the planner names for a skill: the first ones, free ones first."""

PLANNER_PAGE = "planner/index.md"
PLANNER_TITLE = "Skills planner"
"""The planner's one name, in the navigation, its title and every link and button that leads to it."""
PLANNED_KINDS = ("roles", "levels", "skills", "transitions")
"""The kinds a saved assessment names by id."""


def assess_ref(from_page: str, text: str, role_id: str, level_id: str | None = None) -> Ref:
    """A link that opens the planner with a role (and level) as the goal."""
    query = f"?to={role_id}" + (f"&level={level_id}" if level_id else "")
    return Ref(text, relative(from_page, PLANNER_PAGE) + query)


def role_assess_ref(from_page: str, role: Role, role_id: str) -> Ref | None:
    """The role page's entry point to the planner, when the role names skills to assess."""
    return assess_ref(from_page, f"{PLANNER_TITLE}: rate yourself for this role", role_id) if role.skills else None


def level_assess_refs(content: Content, link: Linker, from_page: str, level_id: str) -> list[Ref]:
    """One planner link per role that has a level and names skills, for that level's section."""
    refs = []
    for role_id in link.sorted_ids("roles"):
        role = content.entities["roles"][role_id]
        if isinstance(role, Role) and role.skills and level_id in role.levels:
            text = f"{PLANNER_TITLE}: rate yourself for this level as {role.title}"
            refs.append(assess_ref(from_page, text, role_id, level_id))
    return refs


def planner_page(content: Content, link: Linker) -> Page:
    """The planner: where you are, where you want to go, your ratings and the gaps, built in the browser."""
    data = planner_data(content, link)
    view = {
        "data_json": script_json(data),
        "scale": link.page_ref(PLANNER_PAGE, SCALE_PAGE, "proficiency scale"),
        "career_paths": link.page_ref(PLANNER_PAGE, "career-paths.md", "career paths"),
    }
    return Page(PLANNER_PAGE, "planner.md.j2", PLANNER_TITLE, view, hide=["toc"])


def planner_data(content: Content, link: Linker) -> dict[str, Any]:
    """Everything the planner's script needs, as plain JSON-ready data, with its version hash."""
    resources = Resources(content)
    data: dict[str, Any] = {
        "scale": [_scale_level(level_id, content.entities["scale"].get(level_id)) for level_id in PROFICIENCY_ORDER],
        "phases": [{"id": phase, "name": name} for phase, name in PHASE_NAMES.items()],
        "levels": {
            level_id: {"title": level.title, "rank": level.rank}
            for level_id, level in sorted(content.entities["levels"].items())
            if isinstance(level, Level)
        },
        "roles": [_role(link, role_id) for role_id in link.sorted_ids("roles")],
        "skills": {skill_id: _skill(link, resources, skill_id) for skill_id in sorted(content.entities["skills"])},
        "moves": [_move(content, link, move_id) for move_id in sorted(content.entities["transitions"])],
        "retired": {
            kind: {
                old: {"reason": fate.reason, "successor": fate.successor} for old, fate in fates(content, kind).items()
            }
            for kind in PLANNED_KINDS
        },
    }
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return {"version": hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12], **data}


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _scale_level(level_id: str, entity: object) -> dict[str, Any]:
    if not isinstance(entity, ScaleLevel):  # content without a scale folder: the values still have names
        return {"id": level_id, "title": level_id.capitalize(), "definition": "", "can_do": []}
    return {"id": level_id, "title": entity.title, "definition": entity.definition, "can_do": list(entity.can_do)}


def _role(link: Linker, role_id: str) -> dict[str, Any]:
    role = link.entity("roles", role_id)
    assert isinstance(role, Role)
    skills = [
        {
            "skill": entry.skill,
            "importance": entry.importance,
            "importance_basis": entry.importance_basis,
            "sources": len(entry.sources),
            "targets": {value.level or "": {"value": value.value, "basis": value.basis} for value in entry.proficiency},
        }
        for entry in role.skills
    ]
    href = link.location("roles", role_id)[0]
    return {"id": role_id, "title": role.title, "href": href, "levels": list(role.levels), "skills": skills}


def _skill(link: Linker, resources: Resources, skill_id: str) -> dict[str, Any]:
    skill = link.entity("skills", skill_id)
    assert isinstance(skill, Skill)
    return {
        "name": skill.name,
        "href": link.location("skills", skill_id)[0],
        "levels": {descriptor.level: descriptor.text for descriptor in skill.levels},
        "phase": phase_of(skill) or "",
        "category": CATEGORY_NAMES[skill.category],
        "resources": [
            {"title": row["title"], "url": row["url"], "format": row["format"].lower(), "cost": row["cost"]}
            for row in resources.for_skill(skill_id, RESOURCES_PER_SKILL)
        ],
    }


def _move(content: Content, link: Linker, move_id: str) -> dict[str, Any]:
    move = link.entity("transitions", move_id)
    assert isinstance(move, Transition)
    titles = {skill_id: link.title("skills", skill_id) for skill_id in content.entities["skills"]}
    page, anchor = link.location("transitions", move_id)
    return {
        "id": move_id,
        "title": link.title("transitions", move_id),
        "href": f"{page}#{anchor}" if anchor else page,
        "kind": move.kind,
        "from_role": move.from_role,
        "from_level": move.from_level or "",
        "to_role": move.to_role,
        "to_level": move.to_level or "",
        "priorities": [step.skill for step in plan(content, move, titles).priorities],
    }
