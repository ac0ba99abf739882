"""The career graph's layout: moves run left to right, a role's levels stand in one column in rank order."""

from __future__ import annotations

from generator.content.models.careers import Level
from generator.content.validate import validate
from generator.pages.graph import layout
from tests.sitebuild import REPO


def test_a_roles_levels_stand_in_one_column_beside_it_in_rank_order() -> None:
    content, _ = validate(REPO / "content")
    positions, _, _ = layout(content)
    rungs = sorted(
        (level.rank, node)
        for node in positions
        if "/" in node and isinstance(level := content.entities["levels"][node.partition("/")[2]], Level)
    )
    assert len(rungs) >= 3, "the content has a ladder of at least three rungs"
    columns = {positions[node][0] for _, node in rungs}
    role = rungs[0][1].partition("/")[0]
    assert columns == {positions[role][0] + 1}, "every rung is in the column after its role"
    rows = [positions[node][1] for _, node in rungs]
    assert rows == list(range(rows[0], rows[0] + len(rows))), "the rungs are adjacent, junior first"


def test_a_move_and_its_reverse_sit_in_neighbouring_columns() -> None:
    content, _ = validate(REPO / "content")
    positions, _, transitions = layout(content)
    pairs = {(move.from_role, move.to_role) for _, move in transitions if not move.from_level and not move.to_level}
    both_ways = [(start, end) for start, end in pairs if (end, start) in pairs]
    assert both_ways, "the content has a move and its reverse"
    for start, end in both_ways:
        assert abs(positions[start][0] - positions[end][0]) == 1, (start, end, positions[start], positions[end])
