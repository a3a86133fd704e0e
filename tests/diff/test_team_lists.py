"""Every list of `team` (people, regions, products, channels, accounts) and the team's own ramp: each
entry added, removed or changed is listed, field by field, in every format and language, and in the
textconv lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from salesplan.diff.engine import Side, diff_plans
from salesplan.diff.render import RENDERERS
from salesplan.diff.result import PlanDiff
from salesplan.diff.textconv import textconv
from salesplan.loader import load_text
from salesplan.rendering import RenderOptions

# kind -> {id: (status, {field: (old, new)})}, read from team_old.plan.yaml and team_new.plan.yaml by hand
EXPECTED: dict[str, dict[str, tuple[str, dict[str, tuple[str | None, str | None]]]]] = {
    "person": {
        "李雷": ("changed", {"ramp": (None, "20%, 60%")}),
        "吴敏": (
            "added",
            {"role": (None, "rep"), "region": (None, "华北"), "capacity": (None, "200"), "start": (None, "2026-08-01")},
        ),
        "周杰": ("removed", {"role": ("rep", None), "region": ("华南", None), "capacity": ("200", None)}),
    },
    "region": {"华东": ("changed", {"calendar": (None, "HK")}), "华北": ("added", {}), "华南": ("removed", {})},
    "product": {
        "device": ("changed", {"name": (None, "医疗器械")}),
        "reagent": ("added", {"name": (None, "试剂")}),
        "consumable": ("removed", {"name": ("耗材", None)}),
    },
    "channel": {
        "direct": ("changed", {"name": ("直销", "直营")}),
        "live": ("changed", {"owner": (None, "李雷")}),
        "online": ("added", {"name": (None, "电商"), "type": (None, "online")}),
        "agent": ("removed", {"name": ("代理商", None), "type": ("agent", None)}),
    },
    "account": {
        "renji": ("changed", {"tier": ("A", "B")}),
        "zhongshan": (
            "added",
            {"name": (None, "中山医院"), "tier": (None, "A"), "region": (None, "华北"), "owner": (None, "吴敏")},
        ),
        "ruijin": (
            "removed",
            {"name": ("瑞金医院", None), "tier": ("B", None), "region": ("华东", None), "owner": ("李雷", None)},
        ),
    },
    "team": {"team": ("changed", {"ramp": ("30%, 60%", "40%, 70%")})},
}
WORDS = {  # how each list's entries are named in the table and Markdown
    "zh": {"person": "人员", "region": "区域", "product": "产品", "channel": "渠道", "account": "客户", "team": "团队"},
    "en": {
        "person": "person",
        "region": "region",
        "product": "product",
        "channel": "channel",
        "account": "account",
        "team": "team",
    },
}
FIELDS = {
    "zh": {"ramp": "爬坡", "calendar": "节假日日历", "type": "渠道类型", "tier": "客户分级", "name": "名称"},
    "en": {"ramp": "ramp-up", "calendar": "holiday calendar", "type": "channel type", "tier": "tier", "name": "name"},
}


@pytest.fixture(scope="module")
def diff(side: Callable[[str], Side]) -> PlanDiff:
    return diff_plans(side("team_old.plan.yaml"), side("team_new.plan.yaml"))


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_list_gives_its_added_removed_and_changed_entries(diff: PlanDiff, kind: str) -> None:
    found = {e.id: (e.status, {f.name: (f.old, f.new) for f in e.fields}) for e in diff.team if e.kind == kind}
    assert found == EXPECTED[kind]


def test_the_json_lists_every_entry_in_order(diff: PlanDiff) -> None:
    doc = json.loads(RENDERERS.text("json", diff, RenderOptions(lang="en")))
    rows = [(e["kind"], e["id"], e["status"]) for e in doc["team"]]
    assert rows == [
        (kind, ident, status) for kind, entries in EXPECTED.items() for ident, (status, _) in entries.items()
    ]
    online = next(e for e in doc["team"] if e["id"] == "online")
    assert online["fields"] == [
        {"field": "name", "old": None, "new": "电商", "delta": None, "delta_pct": None, "unit": None},
        {"field": "type", "old": None, "new": "online", "delta": None, "delta_pct": None, "unit": None},
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_every_format_names_each_entry_with_its_list(diff: PlanDiff, fmt: str, lang: str) -> None:
    text = RENDERERS.text(fmt, diff, RenderOptions(lang=lang, width=200))
    team = text.split("团队\n" if lang == "zh" and fmt == "table" else "Team" if lang == "en" else "### 团队")[-1]
    for kind, entries in EXPECTED.items():
        for ident in entries:
            line = next((row for row in team.splitlines() if f" {ident} " in row), None)
            assert line is not None, (kind, ident)
            assert WORDS[lang][kind] in line, (kind, ident, line)
    for name, word in FIELDS[lang].items():
        assert f"{word}: " in team, name
    assert "30%, 60% → 40%, 70%" in team and ("直销 → 直营" in team)


def test_textconv_has_a_line_for_each_channel_field_and_the_ramps() -> None:
    path = Path(__file__).resolve().parent / "fixtures" / "team_new.plan.yaml"
    text = path.read_text(encoding="utf-8")
    found = textconv(load_text(text, "p.plan.yaml"), text, "en").splitlines()
    assert "channel live owner: 李雷" in found and "channel online channel type: online" in found
    assert "region 华东 holiday calendar: HK" in found and "person 李雷 ramp-up: 20%, 60%" in found
    assert "team ramp-up: 40%, 70%" in found
    zh = textconv(load_text(text, "p.plan.yaml"), text).splitlines()
    assert "渠道 direct 名称: 直营" in zh and "团队 爬坡: 40%, 70%" in zh
