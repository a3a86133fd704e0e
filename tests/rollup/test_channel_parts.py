"""A channel plan carries a channel part of the national plan's split (implements.part: {channel: …})."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from salesplan.lint import LintConfig, discover, lint_files
from salesplan.rollup.tree import rollup_tree

NATIONAL = """\
salesplan: 1
plan: {name: National, period: {start: 2026-07-01, end: 2026-09-30}}
team:
  channels: [{id: direct, name: 直销}, {id: agent, name: 代理商}]
targets:
  - id: T1
    value: 500
    split:
      - {by: channel, method: explicit, values: {direct: 300, agent: 200}}
"""
CHANNELS = """\
salesplan: 1
plan: {name: Channels, period: {start: 2026-07-01, end: 2026-09-30}}
targets:
  - id: D1
    value: 300
    implements: {plan: national.yaml, target: T1, part: {channel: direct}}
  - id: A1
    value: 200
    implements: {plan: national.yaml, target: T1, part: {channel: %s}}
"""


def _write(tmp_path: Path, agent: str) -> None:
    (tmp_path / "national.yaml").write_text(NATIONAL, encoding="utf-8")
    (tmp_path / "channels.yaml").write_text(CHANNELS % agent, encoding="utf-8")


def test_channel_parts_roll_up(tmp_path: Path) -> None:
    _write(tmp_path, "agent")
    rollup = rollup_tree(tmp_path)
    assert rollup.report.diagnostics == []
    [root] = rollup.roots
    assert [child.value for child in root.children] == [Decimal(300), Decimal(200)]
    assert root.value == Decimal(500)


def test_an_unknown_channel_part_is_located(tmp_path: Path) -> None:
    _write(tmp_path, "agnet")
    result = lint_files(discover([str(tmp_path)], ()), LintConfig())
    found = [(d.code, Path(d.file).name, d.line, d.message) for d in result.diagnostics if d.code.startswith("SP09")]
    assert found == [
        (
            "SP093",
            "channels.yaml",
            9,
            "'agnet' is not a channel of the split of T1 in national.yaml (its parts: direct, agent)",
        )
    ]
