"""An item written as a bare id (`- east-a` where a mapping is needed) is one finding where it is written:
the references to it are not said again as unknown ids (with a guess naming another item)."""

from __future__ import annotations

from salesplan import codes
from salesplan.loader import load_text

PLAN = """\
salesplan: 1
plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}, unit: 万元, owner: 王芳}
team:
  regions:
    - east-a
    - {id: east-b, name: B区}
  people:
    - 王芳
    - {id: 李雷, role: rep, region: east-a}
    - {id: 周杰, role: rep, region: east-c}
targets:
  - id: T1
    metric: revenue
    value: 500
    owner: 王芳
    scope: {regions: [east-a, east-b]}
"""


def test_a_bare_id_is_said_once_where_it_is_written() -> None:
    loaded = load_text(PLAN, "plan.yaml")
    found = [(d.code, d.source.line, d.message_zh) for d in loaded.diagnostics]
    assert found == [
        (codes.INVALID_VALUE, 5, "team.regions[0]：应为映射（键: 值）（实际为 'east-a'）"),
        (codes.INVALID_VALUE, 8, "team.people[0]：应为映射（键: 值）（实际为 '王芳'）"),
        (codes.UNRESOLVED_REFERENCE, 10, "引用了不存在的区域 'east-c'；是否应为 'east-b'？"),
    ]
    assert loaded.diagnostics[2].message == "unknown region 'east-c'; did you mean 'east-b'?"
