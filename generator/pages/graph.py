"""The career-paths graph, drawn at build time as inline SVG so it shows with no network and no script."""

from __future__ import annotations

from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Level, Role, Transition
from generator.pages.site import Linker, Page, title_of

_CHAR_W, _BOX_H, _GAP_X, _GAP_Y, _PAD = 7, 44, 70, 26, 16
_STROKES = {"promotion": "", "lateral": "6 4", "pivot": "2 4", "entry": "1 3"}


def _node_id(role: str, level: str | None) -> str:
    return f"{role}/{level}" if level else role


def _reaches(edges: list[tuple[str, str]], source: str, target: str) -> bool:
    """Whether target can be reached from source along the edges."""
    seen, todo = {source}, [source]
    while todo:
        node = todo.pop()
        if node == target:
            return True
        for start, end in edges:
            if start == node and end not in seen:
                seen.add(end)
                todo.append(end)
    return False


def _rungs(content: Content, nodes: list[str]) -> dict[str, tuple[str, int]]:
    """The nodes that are levels of a role → (role, rank)."""
    found = {}
    for node in nodes:
        role_id, _, level_id = node.partition("/")
        level = content.entities["levels"].get(level_id) if level_id else None
        if isinstance(level, Level):
            found[node] = (role_id, level.rank)
    return found


def layout(content: Content) -> tuple[dict[str, tuple[int, int]], dict[str, str], list[tuple[str, Transition]]]:
    """Columns by distance along the moves (sources of moves on the left), rows in order of appearance.

    A role's levels stand in one column, beside the role, in rank order: a promotion goes down the column rather
    than across the page, so the ladder reads as a ladder and the drawing stays as narrow as the moves allow.
    """
    transitions = [(tid, t) for tid, t in sorted(content.entities["transitions"].items()) if isinstance(t, Transition)]
    labels: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    for _, move in transitions:
        ends = ((move.from_role, move.from_level), (move.to_role, move.to_level))
        for role_id, level_id in ends:
            level = content.entities["levels"].get(level_id or "")
            label = title_of(level) if isinstance(level, Level) else title_of(content.entities["roles"][role_id])
            labels[_node_id(role_id, level_id)] = label
        edges.append((_node_id(move.from_role, move.from_level), _node_id(move.to_role, move.to_level)))
    for node in list(labels):  # a level hangs off its role, so the ladder reads as part of the role
        role_id, _, level_id = node.partition("/")
        if level_id and role_id in labels:
            edges.append((role_id, node))
    rungs = _rungs(content, list(labels))
    forward: list[tuple[str, str]] = []
    for start, end in edges:  # an edge that would close a cycle (a move and its reverse) does not set columns
        one_ladder = start in rungs and end in rungs and rungs[start][0] == rungs[end][0]
        if not one_ladder and not _reaches(forward, end, start):
            forward.append((start, end))
    column = dict.fromkeys(labels, 0)
    for _ in range(len(labels)):  # longest path over the acyclic edges
        for start, end in forward:
            column[end] = max(column[end], column[start] + 1)
    positions: dict[str, tuple[int, int]] = {}
    for col in sorted(set(column.values())):
        nodes = [node for node in labels if column[node] == col]

        # Order each column by where its nodes' predecessors sit, so that arrows cross as little as possible.
        def weight(node: str) -> float:
            rows = [positions[start][1] for start, end in edges if end == node and start in positions]
            return sum(rows) / len(rows) if rows else float(len(positions))

        # A ladder's rungs stay together, in rank order, where its first rung would go.
        ordered: list[str] = []
        for node in sorted(nodes, key=weight):
            if node not in rungs:
                ordered.append(node)
            elif node not in ordered:
                ladder = [other for other in nodes if other in rungs and rungs[other][0] == rungs[node][0]]
                ordered += sorted(ladder, key=lambda other: rungs[other][1])
        for row, node in enumerate(ordered):
            positions[node] = (col, row)
    return positions, labels, transitions


def drawing(content: Content, link: Linker, page: str) -> dict[str, Any]:
    """The graph as a fixed-size canvas: an SVG of boxes and arrows (decoration) under real links.

    Each node is a link to its role page (or its level's section of the ladder) and each arrow carries a link,
    named by the kind of move, to the move's page; the links are Markdown so that every builder resolves them.
    Nothing is scaled, so labels keep their size on a phone and the canvas scrolls sideways instead.
    """
    positions, labels, transitions = layout(content)
    if not positions:
        return {}
    box_w = max(len(label) for label in labels.values()) * _CHAR_W // 2 + 40
    cols = max(c for c, _ in positions.values()) + 1
    rows = max(r for _, r in positions.values()) + 1
    width = _PAD * 2 + cols * box_w + (cols - 1) * _GAP_X
    height = _PAD * 2 + rows * _BOX_H + (rows - 1) * _GAP_Y

    def box(node: str) -> tuple[int, int]:
        col, row = positions[node]
        return _PAD + col * (box_w + _GAP_X), _PAD + row * (_BOX_H + _GAP_Y)

    parts = [
        f'<svg aria-hidden="true" focusable="false" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker></defs>',
    ]
    arrows = []
    for move_id, move in transitions:
        (x1, y1), (x2, y2) = box(_node_id(move.from_role, move.from_level)), box(_node_id(move.to_role, move.to_level))
        start = (x1 + box_w, y1 + _BOX_H // 2) if x2 > x1 else (x1 + box_w // 2, y1 + (_BOX_H if y2 > y1 else 0))
        end = (x2, y2 + _BOX_H // 2) if x2 > x1 else (x2 + box_w // 2, y2 + (0 if y2 > y1 else _BOX_H))
        dash = f' stroke-dasharray="{_STROKES[move.kind]}"' if _STROKES[move.kind] else ""
        parts.append(
            f'<line x1="{start[0]}" y1="{start[1]}" x2="{end[0]}" y2="{end[1]}" stroke="currentColor" '
            f'stroke-width="1.5"{dash} marker-end="url(#arrow)"/>'
        )
        arrows.append(
            {
                "left": (start[0] + end[0]) // 2 - 36,
                "top": (start[1] + end[1]) // 2 - 10,
                "ref": link.ref(page, "transitions", move_id, move.kind),
                "title": link.title("transitions", move_id),
            }
        )
    for node in labels:
        role_id, _, level_id = node.partition("/")
        if level_id and role_id in positions:
            (x1, y1), (x2, y2) = box(role_id), box(node)
            parts.append(
                f'<line x1="{x1 + box_w // 2}" y1="{y1 + _BOX_H}" x2="{x2}" y2="{y2 + _BOX_H // 2}" '
                'stroke="currentColor" stroke-opacity="0.35" stroke-width="1"/>'
            )
    nodes = []
    for node, label in labels.items():
        x, y = box(node)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{_BOX_H}" rx="6" fill="none" stroke="currentColor"/>'
        )
        role_id, _, level_id = node.partition("/")
        ref = link.ref(page, "levels", level_id, label) if level_id else link.ref(page, "roles", role_id, label)
        nodes.append({"left": x, "top": y, "ref": ref})
    parts.append("</svg>")
    return {
        "svg": "".join(parts),
        "width": width,
        "height": height,
        "box_w": box_w,
        "box_h": _BOX_H,
        "nodes": nodes,
        "arrows": arrows,
    }


def career_paths_page(content: Content, link: Linker) -> Page:
    """The graph and the same moves as a table, each row anchored by the move's id."""
    page = "career-paths.md"
    rows = []
    for move_id, move in sorted(content.entities["transitions"].items()):
        assert isinstance(move, Transition)
        rows.append(
            {
                "id": move_id,
                "from": link.ref(page, "roles", move.from_role),
                "from_level": link.ref(page, "levels", move.from_level) if move.from_level else None,
                "to": link.ref(page, "roles", move.to_role),
                "to_level": link.ref(page, "levels", move.to_level) if move.to_level else None,
                "kind": move.kind,
                "move": link.ref(page, "transitions", move_id),
                "sources": link.refs(page, "sources", move.sources),
            }
        )
    roles = [
        link.ref(page, "roles", rid)
        for rid in link.sorted_ids("roles")
        if isinstance(content.entities["roles"][rid], Role)
    ]
    view = {"graph": drawing(content, link, page), "rows": rows, "roles": roles}
    return Page(page, "career_paths.md.j2", "Career paths", view)
