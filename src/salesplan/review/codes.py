"""Codes of `salesplan review` (SP060–SP079). Their table (name, summary, default severity) is
`salesplan.codes.CODES`, with every other code salesplan emits; the names stay importable here."""

from __future__ import annotations

from salesplan.codes import (
    ACTUALS_BAD_DATE,
    ACTUALS_BAD_HEADER,
    ACTUALS_BAD_NUMBER,
    ACTUALS_NO_TARGET,
    ACTUALS_NOT_IN_BREAKDOWN,
    ACTUALS_OUTSIDE,
    ACTUALS_REP_INACTIVE,
    ACTUALS_UNKNOWN,
    ACTUALS_UNREADABLE,
    code_name,
)

__all__ = [
    "ACTUALS_BAD_DATE",
    "ACTUALS_BAD_HEADER",
    "ACTUALS_BAD_NUMBER",
    "ACTUALS_NOT_IN_BREAKDOWN",
    "ACTUALS_NO_TARGET",
    "ACTUALS_OUTSIDE",
    "ACTUALS_REP_INACTIVE",
    "ACTUALS_UNKNOWN",
    "ACTUALS_UNREADABLE",
    "name",
]


def name(code: str) -> str:
    return code_name(code)
