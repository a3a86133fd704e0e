"""An account of the target that no node above its account level can hold (no region under a region level,
no tier under a tier level, no owner under a rep level) gets nothing: SP046 as a warning, once per account,
at the account in team.accounts, in both languages; the split still adds up."""

from __future__ import annotations

from salesplan.diagnostics import Severity
from salesplan.loader import load_text
from salesplan.split.engine import split_plan

PLAN = """\
salesplan: 1
plan:
  name: 客户
  period: {start: 2026-07-01, end: 2026-09-30}
  unit: 万元
team:
  regions: [{id: 一区}, {id: 二区}]
  people:
    - {id: 李雷, role: rep, region: 一区}
    - {id: 周杰, role: rep, region: 二区}
  accounts:
    - {id: 仁济, tier: A, region: 一区, owner: 李雷}
    - {id: 瑞金, tier: B, region: 二区, owner: 周杰}
    - {id: 无区, tier: B, owner: 周杰}
    - {id: 无级, region: 一区, owner: 李雷}
targets:
  - id: T1
    value: 100
    split:
      - {by: region, method: even}
      - {by: account, method: even}
  - id: T2
    value: 90
    split:
      - {by: tier, method: even}
      - {by: account, method: even}
  - id: T3
    value: 90
    split:
      - {by: account, method: even}
"""


def test_an_account_no_node_holds_is_a_warning_at_the_account() -> None:
    outcome = split_plan(load_text(PLAN, "plan.yaml"))
    found = [(d.code, d.severity, d.line, d.col, d.message) for d in outcome.diagnostics]
    assert found == [
        (
            "SP046",
            Severity.WARNING,
            14,
            7,
            "target 'T1': account '无区' has no `region:` in team.accounts: no node of the region level above the "
            "account level holds it, so it gets nothing of the target",
        ),
        (
            "SP046",
            Severity.WARNING,
            15,
            7,
            "target 'T2': account '无级' has no `tier:` in team.accounts: no node of the tier level above the "
            "account level holds it, so it gets nothing of the target",
        ),
    ]
    assert outcome.diagnostics[0].message_zh == (
        "目标 'T1'：客户 '无区' 在 team.accounts 中没有 `region:`："
        "客户层级之上的区域层级没有节点包含它，它分不到目标的任何部分"
    )
    # hand-computed: T1 一区 50 over 仁济 and 无级 (25, 25), 二区 50 to 瑞金 alone; T2 A 45 (仁济), B 45 (瑞金 23,
    # 无区 22); T3 (no level above) holds all four accounts: 23, 23, 22, 22
    leaves = {s.target_id: [int(n.value) for _, n in s.leaves()] for s in outcome.splits}
    assert leaves == {"T1": [25, 25, 50], "T2": [45, 23, 22], "T3": [23, 23, 22, 22]}
