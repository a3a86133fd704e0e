"""拆解逻辑 text of a Basis, per language."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salesplan.split.result import Basis


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def basis_text(basis: Basis, lang: str = "zh") -> str:
    share = basis.share()
    pct = f"{(share * 100).quantize(Decimal('0.1'))}%" if share is not None else ""
    frac = f"{_num(basis.numerator)}/{_num(basis.denominator)}"
    zh = {
        "total": "目标总额",
        "even": "平均",
        "explicit": "指定",
        "weights": f"按权重 {frac}",
        "history": f"按历史占比 {pct}",
        "capacity": f"按产能 {frac}",
        "workdays": f"按工作日 {frac}",
        "days": f"按天数 {frac}",
        "ipf": f"双向拟合 {pct}",
    }
    en = {
        "total": "target total",
        "even": "even",
        "explicit": "explicit",
        "weights": f"by weight {frac}",
        "history": f"by history share {pct}",
        "capacity": f"by capacity {frac}",
        "workdays": f"by workdays {frac}",
        "days": f"by days {frac}",
        "ipf": f"IPF fit {pct}",
    }
    table = zh if lang == "zh" else en
    text = table.get(basis.method, basis.method)
    if lang == "zh":
        note = basis.note_zh or basis.note
        return f"{text}（{note}）" if note else text
    return f"{text} ({basis.note})" if basis.note else text
