"""Stable codes of the split engine (SP040–SP059). Codes are never reused.

Each entry: code -> (kebab-case name, one-line summary), the same shape as `salesplan.codes.LOADER_CODES`.
"""

from __future__ import annotations

NOT_WHOLE = "SP040"
SUM_MISMATCH = "SP041"
UNKNOWN_PART = "SP042"
MISSING_WEIGHT = "SP043"
NEGATIVE_WEIGHT = "SP044"
ZERO_WEIGHTS = "SP045"
EMPTY_LEVEL = "SP046"
NO_REPS = "SP047"
METHOD_NOT_APPLICABLE = "SP048"
NO_HISTORY = "SP049"
NO_CAPACITY = "SP050"
OVER_CAPACITY = "SP051"
IPF_FAILED = "SP052"
TOO_MANY_LEAVES = "SP053"
CALENDAR_FALLBACK = "SP054"
LEVEL_ORDER = "SP055"
NOT_ADDITIVE = "SP056"
UNKNOWN_TARGET = "SP057"
HISTORY_MISSING_PART = "SP058"
INTERNAL = "SP059"

SPLIT_CODES: dict[str, tuple[str, str]] = {
    NOT_WHOLE: ("split-not-whole", "A value to split is not a whole multiple of the target's granularity."),
    SUM_MISMATCH: ("split-sum-mismatch", "Explicit values or IPF margins do not add up to the value they split."),
    UNKNOWN_PART: ("split-unknown-part", "weights/values/parts/margins name a part the level does not have."),
    MISSING_WEIGHT: ("split-missing-weight", "A part has no weight, or the method lacks its weights/values/margins."),
    NEGATIVE_WEIGHT: ("split-negative-weight", "A weight, explicit value or margin is negative."),
    ZERO_WEIGHTS: (
        "split-zero-weights",
        "Every weight of a level (or of one of its parts) is zero: nothing to split by.",
    ),
    EMPTY_LEVEL: ("split-empty-level", "A level has no parts (empty `parts:`, no regions or products in the team)."),
    NO_REPS: ("split-no-reps", "A rep level cannot apply: no people with role rep (active) in a region or scope."),
    METHOD_NOT_APPLICABLE: ("split-method-not-applicable", "The method cannot split this kind of level."),
    NO_HISTORY: ("split-no-history", "method: history without usable history (none, no product rows, all zero)."),
    NO_CAPACITY: ("split-no-capacity", "method: capacity and a rep has no capacity."),
    OVER_CAPACITY: ("split-over-capacity", "The target asks more of the reps than their prorated capacity."),
    IPF_FAILED: ("split-ipf-failed", "Iterative proportional fitting cannot meet both margins (zeros in the seed)."),
    TOO_MANY_LEAVES: (
        "split-too-many-leaves",
        "The breakdown would have more leaves than the limit; nothing is built.",
    ),
    CALENDAR_FALLBACK: (
        "split-calendar-fallback",
        "Workdays of a year the holiday calendar does not know: Mon–Fri used.",
    ),
    LEVEL_ORDER: ("split-level-order", "A dimension repeats, or a time level is coarser than one outside it."),
    NOT_ADDITIVE: ("split-not-additive", "A rate target (unit %) cannot be split into parts that add up."),
    UNKNOWN_TARGET: ("split-unknown-target", "--target names a target the plan does not have."),
    HISTORY_MISSING_PART: ("split-history-missing-part", "A part has no history and so gets nothing by history."),
    INTERNAL: ("split-internal-error", "A bug in the split engine; reported instead of a traceback."),
}


def code_name(code: str) -> str:
    entry = SPLIT_CODES.get(code)
    return entry[0] if entry else ""
