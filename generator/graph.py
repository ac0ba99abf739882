"""The career-paths graph, drawn at build time as inline SVG so it shows with no network and no script."""

from __future__ import annotations

from html import escape

from generator.checker import Content
from generator.models import Level, Role, Transition
from generator.site import Linker, Page, title_of

_CHAR_W, _BOX_H, _GAP_X, _GAP_Y, _PAD = 7, 44, 70, 26, 16
_STROKES = {"promotion": "", "lateral": "6 4", "pivot": "2 4"}


def _node_id(role: str, level: str | None) -> str:
    return f"{role}/{level}" if level else role


def layout(content: Content) -> tuple[dict[str, tuple[int, int]], dict[str, str], list[Transition]]:
    """Columns by distance along the moves (sources of moves on the left), rows in order of appearance."""
    transitions = [t for _, t in sorted(content.entities["transitions"].items()) if isinstance(t, Transition)]
    labels: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    for move in transitions:
        ends = ((move.from_role, move.from_level), (move.to_role, move.to_level))
        for role_id, level_id in ends:
            level = content.entities["levels"].get(level_id or "")
            label = title_of(level) if isinstance(level, Level) else title_of(content.entities["roles"][role_id])
            labels[_node_id(role_id, level_id)] = label
        edges.append((_node_id(move.from_role, move.from_level), _node_id(move.to_role, move.to_level)))
    column = dict.fromkeys(labels, 0)
    for _ in range(len(labels)):  # longest path, bounded so that cycles cannot loop forever
        for start, end in edges:
            if column[end] < column[start] + 1 <= len(labels):
                column[end] = column[start] + 1
    positions: dict[str, tuple[int, int]] = {}
    for col in sorted(set(column.values())):
        nodes = [node for node in labels if column[node] == col]

        # Order each column by where its nodes' predecessors sit, so that arrows cross as little as possible.
        def weight(node: str) -> float:
            rows = [positions[start][1] for start, end in edges if end == node and start in positions]
            return sum(rows) / len(rows) if rows else float(len(positions))

        for row, node in enumerate(sorted(nodes, key=weight)):
            positions[node] = (col, row)
    return positions, labels, transitions


def svg(content: Content) -> str:
    """The graph as one accessible SVG element (role and level names escaped)."""
    positions, labels, transitions = layout(content)
    if not positions:
        return ""
    box_w = max(len(label) for label in labels.values()) * _CHAR_W + 24
    cols = max(c for c, _ in positions.values()) + 1
    rows = max(r for _, r in positions.values()) + 1
    width = _PAD * 2 + cols * box_w + (cols - 1) * _GAP_X
    height = _PAD * 2 + rows * _BOX_H + (rows - 1) * _GAP_Y

    def box(node: str) -> tuple[int, int]:
        col, row = positions[node]
        return _PAD + col * (box_w + _GAP_X), _PAD + row * (_BOX_H + _GAP_Y)

    parts = [
        f'<svg class="career-graph" role="img" aria-labelledby="career-graph-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="career-graph-title">Career moves between roles and levels; '
        "the table below lists the same moves.</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker></defs>',
    ]
    for move in transitions:
        (x1, y1), (x2, y2) = box(_node_id(move.from_role, move.from_level)), box(_node_id(move.to_role, move.to_level))
        start = (x1 + box_w, y1 + _BOX_H // 2) if x2 > x1 else (x1 + box_w // 2, y1 + (_BOX_H if y2 > y1 else 0))
        end = (x2, y2 + _BOX_H // 2) if x2 > x1 else (x2 + box_w // 2, y2 + (0 if y2 > y1 else _BOX_H))
        dash = f' stroke-dasharray="{_STROKES[move.kind]}"' if _STROKES[move.kind] else ""
        parts.append(
            f'<line x1="{start[0]}" y1="{start[1]}" x2="{end[0]}" y2="{end[1]}" stroke="currentColor" '
            f'stroke-width="1.5"{dash} marker-end="url(#arrow)"><title>{escape(move.kind)}</title></line>'
        )
    for node, label in labels.items():
        x, y = box(node)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{_BOX_H}" rx="6" fill="none" stroke="currentColor"/>'
            f'<text x="{x + box_w // 2}" y="{y + _BOX_H // 2 + 5}" text-anchor="middle" font-size="13" '
            f'fill="currentColor">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


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
                "rationale": move.rationale,
                "sources": link.refs(page, "sources", move.sources),
            }
        )
    roles = [
        link.ref(page, "roles", rid)
        for rid in link.sorted_ids("roles")
        if isinstance(content.entities["roles"][rid], Role)
    ]
    return Page(page, "career_paths.md.j2", "Career paths", {"svg": svg(content), "rows": rows, "roles": roles})
