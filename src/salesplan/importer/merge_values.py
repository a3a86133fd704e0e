"""What a plan's values mean, for `merge_plan`: a written scalar and an imported one are the same
value when the plan reads them alike (`500万` and 5000000 in a 元 plan; `20%`, `20 %` and 0.2, the
number being a percent as Excel stores one; a date and its YYYY-MM-DD text).

Amounts are read in the unit of the field they stand in, as the plan model reads them: a target's
own unit (% for a percent target), the unit of the target measuring a history metric, else the plan's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from salesplan.i18n import Message, _
from salesplan.model.values import DEFAULT_UNIT, PlanValueError, is_percent_text, parse_amount
from salesplan.numbers import PercentError, parse_percent

Path_ = tuple[str | int, ...]
UnitAt = Callable[[Path_], str]


class MergeError(RuntimeError):
    """The plan could not be written as asked (a bug of the writer or of its caller): nothing is written."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def first_difference(written: Any, wanted: Any, path: Path_, unit_at: UnitAt) -> Path_ | None:
    """The first path where `written` (as loaded) and `wanted` differ in meaning, or None."""
    if isinstance(wanted, Mapping):
        if not isinstance(written, Mapping) or len(written) != len(wanted):
            return path
        for key, value in wanted.items():
            found = matching_key(written, key)
            if found is MISSING:
                return (*path, str(key))
            deeper = first_difference(written[found], value, (*path, str(key)), unit_at)
            if deeper is not None:
                return deeper
        return None
    if isinstance(wanted, list | tuple):
        if not isinstance(written, list) or len(written) != len(wanted):
            return path
        for index, (was, want) in enumerate(zip(written, wanted, strict=True)):
            deeper = first_difference(was, want, (*path, index), unit_at)
            if deeper is not None:
                return deeper
        return None
    if isinstance(written, Mapping | list):
        return path
    return None if same_value(written, wanted, unit_at(path)) else path


MISSING = object()


def matching_key(keys: Mapping[Any, Any], key: Any) -> Any:
    """The key of `keys` that names the same entry as `key` (`same_key`), or `MISSING`."""
    if isinstance(key, str) and key in keys:  # a text key equals only the same text: no scan
        return key
    return next((known for known in keys if same_key(known, key)), MISSING)


def same_key(written: Any, wanted: Any) -> bool:
    """Keys name the same entry: equal (true is not 1), or a day and its YYYY-MM-DD text."""
    if isinstance(written, dt.date) != isinstance(wanted, dt.date):
        return _iso(written) == _iso(wanted)
    return bool(written == wanted) and isinstance(written, bool) == isinstance(wanted, bool)


def same_value(written: Any, wanted: Any, unit: str) -> bool:
    """Whether the scalar `written` in the file (as loaded) means `wanted`, read in `unit` (the unit of
    the field both stand in): amounts with 万/亿/元 scaled, `20%` equal to 0.2 (Excel's percent) and
    to another `20 %`, a date equal to its YYYY-MM-DD text."""
    written, wanted = day(written), day(wanted)
    if isinstance(written, bool) or isinstance(wanted, bool) or written is None or wanted is None:
        return type(written) is type(wanted) and written == wanted
    if isinstance(written, dt.date) or isinstance(wanted, dt.date):
        return _iso(written) is not None and _iso(written) == _iso(wanted)
    if isinstance(written, str) and isinstance(wanted, str) and written == wanted:
        return True
    was, want = _reading(written, unit), _reading(wanted, unit)
    if was is None or want is None:
        return False
    if was[0] == want[0]:
        return was[1] == want[1]
    if was[0] == "percent" and isinstance(wanted, int | Decimal):
        return want[1] * 100 == was[1]
    return want[0] == "percent" and isinstance(written, int | Decimal) and was[1] == want[1]


def _reading(value: Any, unit: str) -> tuple[str, Decimal] | None:
    """("percent", points) or ("number", amount in `unit`) as the plan reads `value`; None for text."""
    if isinstance(value, int | Decimal):
        return ("number", Decimal(value))
    if not isinstance(value, str):
        return None
    if is_percent_text(value):
        try:
            return ("percent", parse_percent(value, negative=True))
        except PercentError:
            return None
    try:
        return ("number", parse_amount(value, unit))
    except PlanValueError:
        return None


def day(value: Any) -> Any:
    if isinstance(value, float):
        raise MergeError(_("a plan's numbers are exact: {value} is a float", value=repr(value)))
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise MergeError(_("a plan's dates have no time of day: {value}", value=value.isoformat()))
        return value.date()
    return value


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.strip() if isinstance(value, str) else None


def units(updated: Mapping[str, Any]) -> UnitAt:
    """The unit each path's amounts are read in: a target's own (or % for a percent target), the
    unit of the target measuring a history metric, else the plan's."""
    header = updated.get("plan")
    plan_unit = header.get("unit") if isinstance(header, Mapping) else None
    plan_unit = plan_unit if isinstance(plan_unit, str) else DEFAULT_UNIT
    targets = [t for t in updated.get("targets") or [] if isinstance(t, Mapping)]
    raw = updated.get("targets")
    listed = list(raw) if isinstance(raw, list | tuple) else []
    own = [_target_unit(t, plan_unit) for t in listed]
    by_metric: dict[str, str] = {
        str(t["metric"]): str(t["unit"])
        for t in targets
        if isinstance(t.get("unit"), str) and isinstance(t.get("metric"), str)
    }

    def unit_at(path: Path_) -> str:
        if len(path) > 1 and path[0] == "targets" and isinstance(path[1], int) and path[1] < len(own):
            return own[path[1]]
        if len(path) > 2 and path[:2] == ("history", "metrics"):
            return by_metric.get(str(path[2]), plan_unit)
        return plan_unit

    return unit_at


def _target_unit(target: Any, plan_unit: str) -> str:
    if not isinstance(target, Mapping):
        return plan_unit
    if isinstance(target.get("unit"), str):
        return str(target["unit"])
    return "%" if is_percent_text(target.get("value")) else plan_unit
