"""`held:` in the split engine: paths through a time level above, stray parts, diagnostics all at once."""

from __future__ import annotations

from salesplan.loader import load_text
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: H2
  period: {start: 2026-07-01, end: 2026-12-31}
team:
  regions: [{id: east-a}, {id: east-b}]
targets:
  - id: T1
    value: 600
    split:
      - {by: quarter}
      - {by: region}
      - by: month
        method: weights
        weights: {2026-07: 1, 2026-08: 1, 2026-09: 2, 2026-10: 1, 2026-11: 1, 2026-12: 2}
        held:
HELD
"""


def _split(held: str) -> tuple[dict[str, list[int]], list[str]]:
    outcome = split_plan(load_text(PLAN.replace("HELD\n", held), "plan.yaml"))
    found = [f"{d.code} {d.line}:{d.col}" for d in outcome.diagnostics]
    if not outcome.splits:
        return {}, found
    cells = {
        f"{quarter.part}/{region.part}": [int(month.value) for month in region.children]
        for quarter in outcome.splits[0].root.children
        for region in quarter.children
    }
    return cells, found


def test_a_path_through_a_quarter_holds_that_node_only() -> None:
    """300 a quarter, 150 a region; Q3/east-a holds July at 10: 140 by 1:2 over August, September."""
    cells, found = _split("          Q3/east-a: {7月: 10}\n")
    assert found == []
    assert cells == {
        "2026-Q3/east-a": [10, 47, 93],
        "2026-Q3/east-b": [38, 37, 75],
        "2026-Q4/east-a": [38, 37, 75],
        "2026-Q4/east-b": [38, 37, 75],
    }


def test_every_problem_is_reported_at_its_key() -> None:
    """A month outside its quarter's node, an unknown region, held values over the node: each located."""
    held = (
        "          2026-Q4/east-b: {2026-07: 5}\n"  # line 17: July is no part of Q4's node
        "          2026-Q3/east-c: {2026-07: 5}\n"  # line 18
        "          2026-Q3/east-a: {2026-07: 100, 2026-08: 51}\n"  # line 19: 151 > 150
    )
    _, static = _split(held)
    assert static == ["SP042 18:11"]  # the unknown region stops the target before it is built
    _, built = _split(held.replace("east-c", "east-b"))
    assert sorted(built) == ["SP041 19:27", "SP042 17:28"]
