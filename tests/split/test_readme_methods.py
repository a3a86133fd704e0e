"""The README's table of planning methods quotes real split output: every 拆解逻辑 it shows is what
`salesplan split` writes for the level it shows, on the small plans below."""

from __future__ import annotations

import re

from repo_files import REPO
from salesplan.loader import load_text
from salesplan.split.engine import split_plan
from salesplan.split.result import SplitNode

METHODS = """\
salesplan: 1
plan: {name: 方法示例, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元}
team:
  regions: [{id: east-a, name: A区}, {id: east-b, name: B区}, {id: east-c, name: C区}]
  products: [{id: device, name: 器械}, {id: consumable, name: 耗材}]
  channels: [{id: direct, name: 直销, type: direct}, {id: agent, name: 代理商, type: agent}]
  accounts:
    - {id: renji, name: 仁济医院, tier: A, region: east-a}
    - {id: ruijin, name: 瑞金医院, tier: A, region: east-a}
  people:
    - {id: 李雷, role: rep, region: east-a, capacity: 200}
    - {id: 韩梅, role: rep, region: east-a, capacity: 120, start: 2026-08-01, ramp: [50%, 100%]}
history:
  period: {start: 2025-07-01, end: 2025-09-30}
  revenue:
    east-a: {device: 150, consumable: 100}
    east-b: {device: 100, consumable: 50}
    east-c: {device: 60, consumable: 40}
  by_month: {2025-07: 120, 2025-08: 100, 2025-09: 96}
  by_account: {renji: 120, ruijin: 80}
targets:
  - id: T1
    metric: revenue
    value: 600
    split:
      - {by: region, values: {east-a: 300}, rest: history}
      - {by: product, method: history}
      - {by: month, method: history}
  - id: T2
    metric: revenue
    value: 250
    scope: {regions: [east-a]}
    split:
      - {by: rep, method: capacity}
      - {by: month, method: workdays}
  - id: T3
    metric: revenue
    value: 100
    scope: {regions: [east-b]}
    split:
      - {by: product, method: weights, weights: {device: 3, consumable: 2}}
      - {by: month, method: even}
  - id: T4
    metric: revenue
    value: 1000
    split:
      - by: [region, channel]
        method: ipf
        margins: {region: {east-a: 500, east-b: 300, east-c: 200}, channel: {direct: 700, agent: 300}}
  - id: T5
    metric: revenue
    value: 300
    scope: {accounts: [renji, ruijin]}
    split:
      - {by: account, method: history}
"""


def _bases(root: SplitNode) -> set[str]:
    return {node.basis.text("zh") for _depth, node in root.walk()}


def test_every_text_of_the_readme_methods_table_is_split_output() -> None:
    loaded = load_text(METHODS, "methods.yaml")
    outcome = split_plan(loaded)
    assert not [d for d in outcome.diagnostics if d.severity.value == "error"], outcome.diagnostics
    written = set().union(*(_bases(split.root) for split in outcome.splits))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Planning methods and their 拆解逻辑", 1)[1].split("\n\n", 3)[2]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| method")]
    assert len(rows) == 9
    for row in rows:
        shown = row.rstrip(" |").rsplit("| ", 1)[1]
        for text in re.split(r", the rest ", shown):
            assert text in written, (text, sorted(written))
