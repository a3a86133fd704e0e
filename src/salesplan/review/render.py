"""Renderers of a review: json (a stable contract) and the terminal table (behind-pace rows highlighted).

Output contract of `salesplan review --format json`:

    {"as_of": "2026-08-15",
     "period": {"start": "2026-07-01", "end": "2026-09-30"},
     "thresholds": {"ahead": "110", "on_track": "95", "at_risk": "80"},
     "summary": {"ahead": 0, "on_track": 1, "behind": 1, "at_risk": 1},   # targets by overall status
     "targets": [
       {"id": "T1", "name": "第三季度销售额", "metric": "revenue", "unit": "万元",
        "compare": "sum",                 # "sum" (actuals add up), "level" (rates: the latest value) or
                                          # "formula" (a derived KPI, with "formula": "revenue / orders")
        "lower_is_better": false,
        "window": {"start": "2026-07-01", "end": "2026-09-30"},
        "status": "behind", "pacing": "88.6",          # the target's overall row, repeated
        "rows": [                                       # the target, then its breakdown, pre-order
          {"depth": 0, "level": null, "part": null, "label": "第三季度销售额", "coords": {},
           "target": "500", "actual": "210", "achievement": "42.0",
           "expected": "237.1", "pacing": "88.6", "gap": "-27.1", "status": "behind"},
          {"depth": 1, "level": "region", "part": "east-a", "label": "A区", "coords": {"region": "east-a"}, ...},
          ...],
        "alerts": [                                     # re-planning triggers that fired (may be empty)
          {"kind": "streak", "label": "A区", "coords": {"region": "east-a"}, "period": "month",
           "periods": [{"part": "2026-07", "planned": "100", "actual": "80"},
                       {"part": "2026-08", "planned": "100", "actual": "60"}],
           "change": null},                            # a drop's period-on-period change in percent
          ...]}],
     "triggers": {"streak": 2, "drop": "15"}}

- Every number is a decimal string, never a float; percentages are percent points ("120.0" is 120%),
  to one decimal place; expected and gap to two. `achievement`/`pacing` are null where the target
  or the expected value is 0, and for a level target without actuals.
- `status` is one of ahead, on_track, behind, at_risk (the words are the same in every --lang;
  `label` is the only text that follows the plan).
- `coords` maps each level down to the row (region, product, rep, quarter, month, week) to its part id.
- A derived KPI's rows (`"compare": "formula"`) also carry `state`: null where the formula has a value,
  else `{"kind": "zero_base", "divisor": "orders"}` or `{"kind": "missing", "metrics": ["orders"]}`
  with `actual`, `achievement`, `pacing` and `gap` null (salesplan.review.derived).
- `alerts` (see salesplan.review.alerts): `kind` is "streak" (the latest completed periods in a row
  below plan) or "drop" (the latest completed period against the one before: `periods` holds the
  two); a planned or actual figure is given to two decimal places; `actual` is null for a period in
  which a level target was not measured.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from typing import Any

from salesplan.i18n import _
from salesplan.model.words import level_word
from salesplan.numbers import fixed, plain, to_decimal
from salesplan.rendering import plain_console
from salesplan.review.alerts import Alert, PeriodFigure, message, whom
from salesplan.review.engine import STATUSES, Review, ReviewRow, TargetReview
from salesplan.review.result import Undefined
from salesplan.review.words import HEADERS, STATUS_WORDS

ROW_STYLES = {"behind": "yellow", "at_risk": "bold red", "ahead": "green"}


def _row(row: ReviewRow, derived: bool = False) -> dict[str, Any]:
    """A row's entries; a derived KPI's rows also carry `state` (null where the KPI has a value)."""
    if row.state is not None:
        return {**_figures(row), "actual": None, "gap": None, "state": _state(row.state)}
    if derived:
        return {**_figures(row), "state": None}
    return _figures(row)


def _figures(row: ReviewRow) -> dict[str, Any]:
    return {
        "depth": row.depth,
        "level": row.level,
        "part": row.part,
        "label": row.label,
        "coords": dict(row.coords),
        "target": plain(row.target),
        "actual": plain(row.actual),
        "achievement": fixed(row.achievement),
        "expected": plain(row.expected),
        "pacing": fixed(row.pacing),
        "gap": plain(row.gap),
        "status": row.status,
    }


def _state(state: Undefined) -> dict[str, Any]:
    if state.kind == "missing":
        return {"kind": state.kind, "metrics": list(state.metrics)}
    return {"kind": state.kind, "divisor": state.divisor}


def _target_head(target: TargetReview) -> dict[str, Any]:
    """A target's entries before its rows."""
    return {
        "id": target.target_id,
        "name": target.name,
        "metric": target.metric,
        "unit": target.unit,
        "compare": "formula" if target.formula else "level" if target.is_rate else "sum",
        **({"formula": target.formula} if target.formula else {}),
        "lower_is_better": target.lower_is_better,
        "window": {"start": target.window[0].isoformat(), "end": target.window[1].isoformat()},
        "status": target.total.status,
        "pacing": fixed(target.total.pacing),
    }


def _target(target: TargetReview) -> dict[str, Any]:
    return {
        **_target_head(target),
        "rows": [_row(row, bool(target.formula)) for row in target.rows],
        "alerts": [_alert(alert) for alert in target.alerts],
    }


def _figure(figure: PeriodFigure) -> dict[str, Any]:
    actual = None if figure.actual is None else plain(to_decimal(figure.actual))
    return {"part": figure.part, "planned": plain(to_decimal(figure.planned)), "actual": actual}


def _alert(alert: Alert) -> dict[str, Any]:
    return {
        "kind": alert.kind,
        "label": alert.label,
        "coords": dict(alert.coords),
        "period": alert.level,
        "periods": [_figure(f) for f in alert.periods],
        "change": fixed(alert.change),
    }


def document_head(review: Review) -> dict[str, Any]:
    """The document's entries before its targets."""
    t = review.thresholds
    summary = {status: sum(1 for x in review.targets if x.total.status == status) for status in STATUSES}
    return {
        "as_of": review.as_of.isoformat(),
        "period": {"start": review.period[0].isoformat(), "end": review.period[1].isoformat()},
        "thresholds": {"ahead": plain(t.ahead), "on_track": plain(t.on_track), "at_risk": plain(t.at_risk)},
        "summary": summary,
    }


def document(review: Review) -> dict[str, Any]:
    """The json document (see the module docstring)."""
    return {
        **document_head(review),
        "targets": [_target(target) for target in review.targets],
        "triggers": {"streak": review.triggers.streak, "drop": plain(review.triggers.drop)},
    }


def render_json(review: Review) -> str:
    """`document` as JSON (two-space indentation), the text `json_chunks` writes."""
    return "".join(json_chunks(review))


_string = json.encoder.encode_basestring  # a JSON string as json.dumps(ensure_ascii=False) writes it
BATCH = 2000  # rows a chunk


def json_chunks(review: Review) -> Iterator[str]:
    """`json.dumps(document(review), ensure_ascii=False, indent=2)` and a newline, in chunks made as they
    are written: each row of a breakdown is one format, not a dict through the pure-Python encoder that
    `indent` selects (most of the time of a large review)."""
    doc = document_head(review)
    yield "{\n" + "".join(f"  {_string(key)}: {_nested(value, 1)},\n" for key, value in doc.items())
    yield '  "targets": ['
    for index, target in enumerate(review.targets):
        head = "".join(f"      {_string(key)}: {_nested(value, 3)},\n" for key, value in _target_head(target).items())
        yield ("," if index else "") + "\n    {\n" + head
        yield '      "rows": ['
        rows = iter(target.rows)
        first = True
        text = _row_text if not target.formula else _derived_row_text
        while batch := list(islice(rows, BATCH)):
            yield ("" if first else ",") + ",".join(map(text, batch))
            first = False
        yield ("\n      ]" if target.rows else "]") + ',\n      "alerts": '
        yield _nested([_alert(alert) for alert in target.alerts], 3) + "\n    }"
    triggers = {"streak": review.triggers.streak, "drop": plain(review.triggers.drop)}
    yield ("\n  ]" if review.targets else "]") + f',\n  "triggers": {_nested(triggers, 1)}\n}}\n'


def _nested(value: Any, level: int) -> str:
    """`value` as json.dumps(indent=2) writes it `level` levels deep (a newline is never inside a JSON string)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def _scalar(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _derived_row_text(row: ReviewRow) -> str:
    """`_row(row, True)` as an item of a derived KPI's rows (few: its breakdown is its base targets' shared levels)."""
    return "\n        " + _nested(_row(row, True), 4)


def _row_text(row: ReviewRow) -> str:
    """`_row(row)` as an item of a target's rows (four levels deep)."""
    if row.coords:
        pairs = ",\n".join(f"            {_string(key)}: {_string(part)}" for key, part in row.coords.items())
        coords = "{\n" + pairs + "\n          }"
    else:
        coords = "{}"
    return (
        f"\n        {{\n"
        f'          "depth": {row.depth},\n'
        f'          "level": {_scalar(row.level)},\n'
        f'          "part": {_scalar(row.part)},\n'
        f'          "label": {_string(row.label)},\n'
        f'          "coords": {coords},\n'
        f'          "target": "{plain(row.target)}",\n'
        f'          "actual": "{plain(row.actual)}",\n'
        f'          "achievement": {_scalar(fixed(row.achievement))},\n'
        f'          "expected": "{plain(row.expected)}",\n'
        f'          "pacing": {_scalar(fixed(row.pacing))},\n'
        f'          "gap": "{plain(row.gap)}",\n'
        f'          "status": {_string(row.status)}\n'
        "        }"
    )


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{format(value, 'f') if unit == '%' else plain(value)}{unit}"


def _style(row: ReviewRow) -> str | None:
    parts = [ROW_STYLES.get(row.status, ""), "bold" if row.depth == 0 else ""]
    return " ".join(p for p in parts if p) or None


def render_table(review: Review, lang: str = "zh", width: int = 120, color: bool = False) -> str:
    """One table per target; behind and at-risk rows are highlighted (colour where asked, and a mark always)."""
    from rich.table import Table

    heads = [head.render(lang) for head in HEADERS]
    console, buffer = plain_console(width, color=color)
    as_of = _("As of {day}", day=review.as_of.isoformat()).render(lang)
    for target in review.targets:
        unit = target.unit
        rate = "%" if unit == "%" else ""
        title = f"{target.target_id} {target.name or ''}".strip() + f" · {plain(target.total.target)}{unit} · {as_of}"
        table = Table(title=title)
        for index, head in enumerate(heads):
            table.add_column(head, justify="right" if 2 <= index <= 7 else "left")
        for row in target.rows:
            marks = {"behind": "▼ ", "at_risk": "✖ ", "ahead": "▲ "}
            status = marks.get(row.status, "") + STATUS_WORDS[row.status].render(lang)
            name = target.target_id if row.depth == 0 else "  " * (row.depth - 1) + row.label
            state = row.state.text().render(lang) if row.state is not None else None
            table.add_row(
                name,
                level_word(row.level, lang),
                _cell(row.target, rate),
                state or _cell(row.actual, rate),
                _cell(row.achievement, "%"),
                _cell(row.expected, rate),
                _cell(row.pacing, "%"),
                "—" if state else _cell(row.gap, rate),
                status,
                style=_style(row),
            )
        console.print(table)
        for alert in target.alerts:
            line = _(
                "⚠ alert · {part}: {text}", part=whom(alert, lang), text=message(alert, unit, lang, review.triggers)
            )
            console.print(line.render(lang), style="bold yellow")
        console.print()
    return buffer.getvalue()
