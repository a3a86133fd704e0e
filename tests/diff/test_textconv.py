"""The textconv text: one line per fact, every split part with its path, sorted so a reordered list changes nothing."""

from __future__ import annotations

from pathlib import Path

from salesplan.diff.textconv import textconv
from salesplan.loader import load_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lines(text: str, lang: str = "en") -> list[str]:
    return textconv(load_text(text, "p.plan.yaml"), text, lang).splitlines()


def test_one_line_per_part_with_its_path() -> None:
    found = lines((FIXTURES / "base.plan.yaml").read_text(encoding="utf-8"))
    split = [line for line in found if line.startswith("split T1")]
    assert split == [
        "split T1 region=华东: 300万元",
        "split T1 region=华东 rep=李雷: 180万元",
        "split T1 region=华东 rep=韩梅: 120万元",
        "split T1 region=华南: 200万元",
        "split T1 region=华南 rep=周杰: 200万元",
    ]
    assert "risk R1 risk level: high" in found and "task K1 owner: 李雷" in found
    assert "budget allocation: channel: 45%" in found and "target T1 target value: 500万元" in found


def test_chinese_by_default() -> None:
    text = (FIXTURES / "base.plan.yaml").read_text(encoding="utf-8")
    found = textconv(load_text(text, "p.plan.yaml"), text).splitlines()
    assert "拆解 T1 区域=华东 销售代表=李雷: 180万元" in found and "风险 R1 风险等级: 高" in found


def test_reordering_lists_changes_no_line() -> None:
    """Two reps listed the other way round: the same parts, the same lines in the same order. (The order
    of regions is not like this: an even split's rounding gives a tie to the earlier part.)"""
    text = (FIXTURES / "base.plan.yaml").read_text(encoding="utf-8")
    li, han = "    - {id: 李雷, role: rep, region: 华东}\n", "    - {id: 韩梅, role: rep, region: 华东}\n"
    swapped = text.replace(li + han, han + li)
    assert swapped != text
    assert lines(swapped) == lines(text)
