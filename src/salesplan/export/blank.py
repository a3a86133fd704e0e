"""The blank templates: every sheet with its headers, one grey example row and the drop-downs people fill in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from salesplan.export import i18n
from salesplan.export.breakdown import breakdown_columns
from salesplan.export.execution import execution_columns
from salesplan.export.model import Cell, Document, NumberFormat, Quantity, Row, Table
from salesplan.export.risks import heatmap_table, risk_columns
from salesplan.export.timeline import NO_MODULE, timeline_columns, weeks

_START, _END = dt.date(2026, 7, 1), dt.date(2026, 7, 31)
_MONEY = NumberFormat("万元")

# (zh, en) example texts, as in DOMAIN.md's worked example
_TEXT: dict[str, i18n.Pair] = {
    "plan": ("销售计划模板", "Sales plan template"),
    "target": ("第三季度销售额", "Q3 revenue"),
    "logic": ("按区域 → 产品 → 销售代表 → 月份", "by region → product → rep → month"),
    "path": ("深耕老客户，新增 3 家代理商", "Grow existing accounts, sign 3 new distributors"),
    "owner": ("王芳", "Wang Fang"),
    "task": ("代理商签约", "Sign distributors"),
    "deliverable": ("签约 3 家代理商，合同归档", "3 distributors signed, contracts filed"),
    "department": ("法务部", "Legal"),
    "risk": ("竞品突然降价抢占核心客户", "A competitor cuts prices to take key accounts"),
    "response": ("3 天内推出限时折扣 + 增值服务包", "Limited-time discount + service bundle within 3 days"),
    "trigger": ("竞品报价低于我方 10% 以上", "Competitor quotes 10% or more below ours"),
}


def _t(key: str, lang: str) -> str:
    return i18n.pick(_TEXT[key], lang)


def _example(cells: Sequence[Cell], tones: tuple[str | None, ...] | None = None) -> list[Row]:
    return [Row(tuple(cells), kind="example", tones=tones)]


def blank_document(lang: str, names: Sequence[str] = ("breakdown", "execution", "risks", "timeline")) -> Document:
    """The empty templates of the tables named, in standard order."""
    from salesplan.risk import RiskConfig

    w = i18n.word
    tables: list[Table] = []
    if "breakdown" in names:
        dimension = f"{w('results', lang)} · {w('core', lang)}"
        cells = (dimension, _t("target", lang), Quantity(Decimal(500), _MONEY), _t("logic", lang))
        row = _example((*cells, _t("path", lang), _t("owner", lang), dt.date(2026, 9, 30)))
        tables.append(Table("breakdown", i18n.title("breakdown", lang), breakdown_columns(lang), row))
    if "execution" in names:
        task = (w("channel", lang), _t("task", lang), _t("owner", lang), _START, _END, _t("deliverable", lang))
        row = _example((*task, Quantity(Decimal(20), _MONEY), _t("department", lang), w("in_progress", lang), None))
        tables.append(Table("execution", i18n.title("execution", lang), execution_columns(lang), row))
    if "risks" in names:
        level = f"{w('level:high', lang)}（15）" if lang == "zh" else f"{w('level:high', lang)} (15)"
        risk = (w("competitor", lang), _t("risk", lang), w("p:medium", lang), w("i:severe", lang), level)
        tones = (None, None, None, None, "high", None, None, None)
        row = _example((*risk, _t("response", lang), _t("owner", lang), _t("trigger", lang)), tones)
        tables.append(Table("risks", i18n.title("risks", lang), risk_columns(lang), row))
        tables.append(heatmap_table([], RiskConfig(), lang))
    if "timeline" in names:
        mondays = weeks(_START, dt.date(2026, 9, 30))
        fixed = (_t("task", lang), w("channel", lang), _t("owner", lang), _START, _END, w("in_progress", lang), None)
        runs = tuple(NO_MODULE if m + dt.timedelta(days=6) >= _START and m <= _END else None for m in mondays)
        row = _example((*fixed, *(None,) * len(mondays)), tones=(None,) * len(fixed) + runs)
        tables.append(Table("timeline", i18n.title("timeline", lang), timeline_columns(lang, mondays), row))
    return Document(title=_t("plan", lang), lang=lang, tables=tables, blank=True)
