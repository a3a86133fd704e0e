"""Stable codes of `salesplan review` (SP060–SP079). Codes are never reused."""

from __future__ import annotations

ACTUALS_UNREADABLE = "SP060"
ACTUALS_BAD_HEADER = "SP061"
ACTUALS_BAD_NUMBER = "SP062"
ACTUALS_UNKNOWN = "SP063"
ACTUALS_BAD_DATE = "SP064"
ACTUALS_OUTSIDE = "SP065"
ACTUALS_NO_TARGET = "SP066"
ACTUALS_NOT_IN_BREAKDOWN = "SP067"
ACTUALS_REP_INACTIVE = "SP068"

REVIEW_CODES: dict[str, tuple[str, str]] = {
    ACTUALS_UNREADABLE: ("actuals-unreadable", "The actuals file cannot be read (missing, not UTF-8, damaged xlsx)."),
    ACTUALS_BAD_HEADER: (
        "actuals-bad-header",
        "The actuals table lacks a value column, or has a column it cannot place, a repeated one or an unknown unit.",
    ),
    ACTUALS_BAD_NUMBER: ("actuals-bad-number", "An actual value is not a number."),
    ACTUALS_UNKNOWN: ("actuals-unknown-part", "An actuals row names a target, region, product or rep the plan lacks."),
    ACTUALS_BAD_DATE: ("actuals-bad-date", "An actuals row's date or month cannot be read."),
    ACTUALS_OUTSIDE: ("actuals-outside-period", "An actuals row is dated outside the plan period."),
    ACTUALS_NO_TARGET: ("actuals-no-target", "An actuals row names no target and the plan has no default target."),
    ACTUALS_NOT_IN_BREAKDOWN: (
        "actuals-not-in-breakdown",
        "An actuals row's region, product or rep is not a part of its target's scope or breakdown.",
    ),
    ACTUALS_REP_INACTIVE: (
        "actuals-rep-inactive",
        "An actuals row is booked to a rep on a day before the rep's start or after the rep's end.",
    ),
}


def name(code: str) -> str:
    entry = REVIEW_CODES.get(code)
    return entry[0] if entry else ""
