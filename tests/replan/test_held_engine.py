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


REFUSED = """\
salesplan: 1
plan:
  name: H2
  period: {start: 2026-07-01, end: 2026-09-30}
team:
  regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
  channels: [{id: direct, name: 直销}, {id: agent, name: 代理商}]
  people:
    - {id: 李雷, role: rep, region: east-a}
    - {id: 周杰, role: rep, region: east-b}
targets:
  - id: T1
    value: 600
    split:
      - {by: region}
      - by: rep
        method: even
        held:
          east-a: {李雷: 10}
  - id: T2
    value: 600
    split:
      - by: [region, channel]
        method: ipf
        margins: {region: {east-a: 300, east-b: 300}, channel: {direct: 300, agent: 300}}
      - by: month
        method: even
        held:
          east-a/direct: {2026-07: 10}
"""


def test_held_on_a_non_time_level_or_under_ipf_is_refused_saying_which() -> None:
    """Each refusal says its own reason (a rep level is not the first level; an ipf level splits by two)."""
    outcome = split_plan(load_text(REFUSED, "plan.yaml"))
    found = {(d.code, d.line): (d.message, d.message_zh) for d in outcome.diagnostics}
    assert found == {
        ("SP048", 18): (
            "target 'T1': `held:` holds parts of a time level (quarter, month, week), and the rep level is not one; "
            "hold parts of it with `values:` and `rest:`",
            "目标 'T1'：`held:` 只能保留时间层级（季度、月、周）的部分，销售代表层级不是时间层级；"
            "请用 `values:` 加 `rest:` 保留其部分",
        ),
        ("SP048", 28): (
            "target 'T2': `held:` names a node by one part of each level above; a level above splits by two "
            "dimensions at once (ipf)",
            "目标 'T2'：`held:` 以上方每个层级的一个拆解项指明节点；上方有层级同时按两个维度拆解（ipf）",
        ),
    }
