"""Comparison pages: the curated side-by-sides, and generated ones for each configured pair of roles."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.base import PROFICIENCY_ORDER
from generator.content.models.careers import Comparison, Role, RoleSkill
from generator.pages.evidence import SCALE_PAGE, Evidence, importance, mark
from generator.pages.site import Linker, Page

RECORDED = ("described", "partial")
COMPARED_SECTIONS = ("skills", "responsibilities")


def comparable(left: Role, right: Role) -> list[str]:
    """The sections that the sources record for both roles: only those can be compared."""
    return [
        section
        for section in COMPARED_SECTIONS
        if left.coverage_of(section) in RECORDED and right.coverage_of(section) in RECORDED
    ]


def pairs(content: Content) -> list[tuple[str, str]]:
    """Role pairs to compare: each variant against its parent, then each role against its `compare_with`.

    A pair is left out when the sources record no section for both roles: there would be nothing to compare. A pair
    that also has a curated comparison takes its order, so the two pages name the roles the same way round.
    """
    return [_curated_order(content, pair) for pair in _configured(content)]


def reordered(content: Content) -> list[tuple[str, str]]:
    """(old page, new page) of each computed comparison whose roles changed sides to follow a curated one."""
    return [
        (pair_path(*pair), pair_path(*_curated_order(content, pair)))
        for pair in _configured(content)
        if _curated_order(content, pair) != pair
    ]


def _curated_order(content: Content, pair: tuple[str, str]) -> tuple[str, str]:
    curated = curated_by_pair(content).get(frozenset(pair))
    comparison = content.entities["comparisons"][curated[0]] if curated else None
    return (comparison.left, comparison.right) if isinstance(comparison, Comparison) else pair


def _configured(content: Content) -> list[tuple[str, str]]:
    roles = content.entities["roles"]
    found: list[tuple[str, str]] = []
    for role_id, role in sorted(roles.items()):
        assert isinstance(role, Role)
        if role.variant_of:
            found.append((role.variant_of, role_id))
        found += [(role_id, other) for other in role.compare_with]
    unique: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()
    for left, right in found:
        if frozenset((left, right)) not in seen:
            seen.add(frozenset((left, right)))
            unique.append((left, right))
    return [pair for pair in unique if comparable(*_roles(content, *pair))]


def too_thin(content: Content) -> list[tuple[str, str]]:
    """Pairs the content asks for that cannot be compared, because one side is not described enough."""
    found = []
    for role_id, role in sorted(content.entities["roles"].items()):
        assert isinstance(role, Role)
        for other in role.compare_with:
            if not comparable(*_roles(content, role_id, other)):
                found.append((role_id, other))
    return found


def _roles(content: Content, left_id: str, right_id: str) -> tuple[Role, Role]:
    left, right = content.entities["roles"][left_id], content.entities["roles"][right_id]
    assert isinstance(left, Role) and isinstance(right, Role)
    return left, right


def curated_by_pair(content: Content) -> dict[frozenset[str], list[str]]:
    """The curated comparisons of each pair of roles, in id order, so a page finds its own without a search."""
    found: dict[frozenset[str], list[str]] = {}
    for comparison_id, comparison in sorted(content.entities["comparisons"].items()):
        if isinstance(comparison, Comparison):
            found.setdefault(frozenset((comparison.left, comparison.right)), []).append(comparison_id)
    return found


def pair_path(left: str, right: str) -> str:
    """Where the generated comparison of two roles lives."""
    return f"compare/{left}-vs-{right}.md"


def _peak(entry: RoleSkill) -> str:
    """The highest proficiency a role expects in a skill at any of its levels."""
    return max((value.value for value in entry.proficiency), key=PROFICIENCY_ORDER.index)


def _span(entry: RoleSkill) -> str:
    values = sorted({value.value for value in entry.proficiency}, key=PROFICIENCY_ORDER.index)
    return " → ".join(values)


def pair_page(
    content: Content, link: Linker, left_id: str, right_id: str, *, curated: dict[frozenset[str], list[str]]
) -> Page:
    """Side by side: shared skills with their proficiency, skills only one side lists, responsibilities.

    `curated` is `curated_by_pair(content)`, computed once for all the pair pages.
    """
    page = pair_path(left_id, right_id)
    left, right = content.entities["roles"][left_id], content.entities["roles"][right_id]
    assert isinstance(left, Role) and isinstance(right, Role)
    left_skills = {entry.skill: entry for entry in left.skills}
    right_skills = {entry.skill: entry for entry in right.skills}
    shared = []
    for skill_id in link.in_order("skills", left_skills.keys() & right_skills.keys()):
        if skill_id in left_skills and skill_id in right_skills:
            a, b = left_skills[skill_id], right_skills[skill_id]
            gap = PROFICIENCY_ORDER.index(_peak(b)) - PROFICIENCY_ORDER.index(_peak(a))
            leader = right.title if gap > 0 else left.title if gap < 0 else ""
            bases = {value.basis for value in [*a.proficiency, *b.proficiency]}
            judged = "editorial" if "editorial" in bases else "derived" if "derived" in bases else "stated"
            shared.append(
                {
                    "skill": link.ref(page, "skills", skill_id),
                    "left": f"{_span(a)} ({importance(a)})",
                    "right": f"{_span(b)} ({importance(b)})",
                    "difference": f"{leader} goes further" if leader else "same peak",
                    "difference_mark": mark(judged),
                }
            )

    def only(mine: dict[str, RoleSkill], theirs: dict[str, RoleSkill]) -> list[dict[str, Any]]:
        return [
            {
                "skill": link.ref(page, "skills", skill_id),
                "span": _span(mine[skill_id]),
                "importance": importance(mine[skill_id]),
            }
            for skill_id in link.in_order("skills", mine.keys() - theirs.keys())
        ]

    def duties(ids: list[str], other: list[str]) -> list[Any]:
        return [link.ref(page, "responsibilities", rid) for rid in ids if rid not in other]

    view = {
        "left": link.ref(page, "roles", left_id),
        "right": link.ref(page, "roles", right_id),
        "left_title": left.title,
        "right_title": right.title,
        "relation": "variant" if right.variant_of == left_id or left.variant_of == right_id else "adjacent",
        "sections": {
            section: {
                "compared": section in comparable(left, right),
                "left": left.coverage_of(section),
                "right": right.coverage_of(section),
            }
            for section in COMPARED_SECTIONS
        },
        "scale": link.page_ref(page, SCALE_PAGE, "proficiency scale"),
        "shared": shared,
        "only_left": only(left_skills, right_skills),
        "only_right": only(right_skills, left_skills),
        "shared_duties": [
            link.ref(page, "responsibilities", rid) for rid in left.responsibilities if rid in right.responsibilities
        ],
        "left_duties": duties(left.responsibilities, right.responsibilities),
        "right_duties": duties(right.responsibilities, left.responsibilities),
        "curated": [link.ref(page, "comparisons", cid) for cid in curated.get(frozenset((left_id, right_id)), [])],
    }
    title = f"{left.title} vs {right.title}: skills and duties compared"
    return Page(page, "pair.md.j2", title, {**view, "title": title})


def curated_page(
    content: Content,
    link: Linker,
    evidence: Evidence,
    comparison_id: str,
    comparison: Comparison,
    *,
    role_pairs: list[tuple[str, str]],
) -> Page:
    """A curated comparison: one row per named dimension, cells linking to what they are about.

    `role_pairs` is `pairs(content)`, computed once for all the curated pages.
    """
    page = f"comparisons/{comparison_id}.md"

    def refs(ids: list[str]) -> list[Any]:
        return [
            link.ref(page, "skills" if ("skills", ref) in content.present else "responsibilities", ref) for ref in ids
        ]

    view = {
        "comparison": comparison,
        "left": link.ref(page, "roles", comparison.left),
        "right": link.ref(page, "roles", comparison.right),
        "left_title": link.ref(page, "roles", comparison.left).text,
        "right_title": link.ref(page, "roles", comparison.right).text,
        "rows": [
            {
                "name": dimension.name,
                "left": dimension.left,
                "right": dimension.right,
                "left_refs": refs(dimension.left_refs),
                "right_refs": refs(dimension.right_refs),
            }
            for dimension in comparison.dimensions
        ],
        "generated": next(
            (
                link.page_ref(page, pair_path(*pair), "generated side-by-side")
                for pair in role_pairs
                if set(pair) == {comparison.left, comparison.right}
            ),
            None,
        ),
        "sources": link.refs(page, "sources", comparison.sources),
        "disputes": evidence.about(page, "comparisons", comparison_id),
    }
    return Page(page, "comparison.md.j2", comparison.title, view, f"content/comparisons/{comparison_id}.yaml")
