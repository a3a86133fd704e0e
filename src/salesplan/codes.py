"""Every code salesplan emits outside the lint rules' own checks, in one table. Codes are never reused.

`CODES`: code -> (kebab-case name, one-line summary, default severity), by range: SP001–SP039 the
loader and the model checks, SP040–SP059 the split engine, SP060–SP079 `salesplan review` (its
actuals file), SP080–SP089 `salesplan export`, SP090–SP099 roll-up across plan files (lint),
SP600–SP629 `salesplan import` (its workbook). The
lint rules (SP1xx and up) live in `salesplan.rules`, one module per rule; every code here is
documented there too. `diagnostic()` is the one constructor of a finding from a code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from salesplan.diagnostics import Diagnostic, Severity, SourceRef

if TYPE_CHECKING:
    from salesplan.i18n import Message

# -- loader and model checks (SP001–SP039) --------------------------------------------------------
FILE_UNREADABLE = "SP001"
FILE_TOO_LARGE = "SP002"
ENCODING = "SP003"
YAML_SYNTAX = "SP004"
DUPLICATE_KEY = "SP005"
ALIAS_LIMIT = "SP006"
NESTING_TOO_DEEP = "SP007"
INVALID_NUMBER = "SP008"
INVALID_DATE = "SP009"
NOT_A_PLAN = "SP010"
UNSUPPORTED_VERSION = "SP011"
UNKNOWN_KEY = "SP020"
INVALID_VALUE = "SP021"
MISSING_FIELD = "SP022"
DUPLICATE_ID = "SP030"
UNRESOLVED_REFERENCE = "SP031"
INVALID_ID = "SP032"
NEGATIVE_VALUE = "SP033"
PERIOD_ORDER = "SP034"
FORMULA_SYNTAX = "SP035"
FORMULA_CYCLE = "SP036"

# -- split engine (SP040–SP059) -------------------------------------------------------------------
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
SPLIT_INTERNAL = "SP059"

# -- review: the actuals file (SP060–SP079) -------------------------------------------------------
ACTUALS_UNREADABLE = "SP060"
ACTUALS_BAD_HEADER = "SP061"
ACTUALS_BAD_NUMBER = "SP062"
ACTUALS_UNKNOWN = "SP063"
ACTUALS_BAD_DATE = "SP064"
ACTUALS_OUTSIDE = "SP065"
ACTUALS_NO_TARGET = "SP066"
ACTUALS_NOT_IN_BREAKDOWN = "SP067"
ACTUALS_REP_INACTIVE = "SP068"
FORMULA_UNKNOWN_METRIC = "SP069"
COMMITMENT_REPEATED = "SP070"

# -- export (SP080–SP089): what a workbook cannot hold, changed visibly; the file is still written ---
FORBIDDEN_CHARACTER = "SP080"
CELL_TEXT_CUT = "SP081"
NUMBER_AS_TEXT = "SP082"

# -- roll-up (SP090–SP099): a target that implements a part of a parent plan's target, across files ---
ROLLUP_VALUE_MISMATCH = "SP090"
ROLLUP_PARENT_UNAVAILABLE = "SP091"
ROLLUP_UNKNOWN_TARGET = "SP092"
ROLLUP_UNKNOWN_PART = "SP093"
ROLLUP_CLAIMED_TWICE = "SP094"
ROLLUP_CYCLE = "SP095"
ROLLUP_NO_CHILD = "SP096"
ROLLUP_UNIT_MISMATCH = "SP097"
ROLLUP_PERIOD_OUTSIDE = "SP098"

# -- import (SP600–SP629): a workbook read back into a plan; any of them and nothing is written ----
IMPORT_UNREADABLE = "SP600"
IMPORT_NOT_XLSX = "SP601"
IMPORT_TOO_LARGE = "SP602"
IMPORT_SHEET_MISSING = "SP603"
IMPORT_EMBEDDED = "SP604"
IMPORT_BAD_VALUE = "SP605"
IMPORT_UNKNOWN = "SP606"
IMPORT_ROW_CHANGED = "SP607"
IMPORT_TOTAL = "SP608"
IMPORT_NOT_HELD = "SP609"


class Code(NamedTuple):
    """A code's identity: kebab-case name, one-line summary, default severity."""

    name: str
    summary: str
    severity: Severity


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    FILE_UNREADABLE: Code("file-unreadable", "The file cannot be read (missing, a folder, no permission).", _E),
    FILE_TOO_LARGE: Code("file-too-large", "The file is over 10 MB or holds more than 100,000 values.", _E),
    ENCODING: Code("file-encoding", "The file is not UTF-8 (GBK from Windows is the common case).", _E),
    YAML_SYNTAX: Code("yaml-syntax", "The file is not well-formed YAML.", _E),
    DUPLICATE_KEY: Code("duplicate-key", "A mapping has the same key twice; YAML would keep the last silently.", _E),
    ALIAS_LIMIT: Code("alias-limit", "Anchors and aliases expand beyond the limit (billion-laughs guard).", _E),
    NESTING_TOO_DEEP: Code("nesting-too-deep", "Data is nested deeper than the limit.", _E),
    INVALID_NUMBER: Code(
        "invalid-number", "A number is not finite, has 18+ digits or more than 10 decimal places.", _E
    ),
    INVALID_DATE: Code("invalid-date", "A date that does not exist (2026-02-30) or is malformed.", _E),
    NOT_A_PLAN: Code("not-a-plan", "The file is empty or its top level is not a mapping with `salesplan:`.", _E),
    UNSUPPORTED_VERSION: Code(
        "unsupported-version", "`salesplan:` names a format version this tool does not read.", _E
    ),
    UNKNOWN_KEY: Code("unknown-key", "A key that format 1 does not have (with a did-you-mean suggestion).", _E),
    INVALID_VALUE: Code("invalid-value", "A value of the wrong type or outside its allowed values.", _E),
    MISSING_FIELD: Code("missing-field", "A required field is absent.", _E),
    DUPLICATE_ID: Code("duplicate-id", "Two items of one kind share an id.", _E),
    UNRESOLVED_REFERENCE: Code("unresolved-reference", "A reference names an id that does not exist.", _E),
    INVALID_ID: Code("invalid-id", "An id contains whitespace, control or invisible characters.", _E),
    NEGATIVE_VALUE: Code("negative-value", "A target, budget or capacity is negative.", _E),
    PERIOD_ORDER: Code("period-order", "A period or task ends before it starts.", _E),
    FORMULA_SYNTAX: Code("formula-syntax", "A target's formula: is not an expression over metrics.", _E),
    FORMULA_CYCLE: Code("formula-cycle", "Formula targets depend on each other's metrics in a circle.", _E),
    NOT_WHOLE: Code("split-not-whole", "A value to split is not a whole multiple of the target's granularity.", _E),
    SUM_MISMATCH: Code(
        "split-sum-mismatch", "Explicit values or IPF margins do not add up to the value they split.", _E
    ),
    UNKNOWN_PART: Code("split-unknown-part", "weights/values/parts/margins name a part the level does not have.", _E),
    MISSING_WEIGHT: Code(
        "split-missing-weight", "A part has no weight, or the method lacks its weights/values/margins.", _E
    ),
    NEGATIVE_WEIGHT: Code("split-negative-weight", "A weight, explicit value or margin is negative.", _E),
    ZERO_WEIGHTS: Code(
        "split-zero-weights", "Every weight of a level (or of one of its parts) is zero: nothing to split by.", _E
    ),
    EMPTY_LEVEL: Code(
        "split-empty-level", "A level has no parts (empty `parts:`, no regions or products in the team).", _E
    ),
    NO_REPS: Code(
        "split-no-reps", "A rep level cannot apply: no people with role rep (active) in a region or scope.", _E
    ),
    METHOD_NOT_APPLICABLE: Code("split-method-not-applicable", "The method cannot split this kind of level.", _E),
    NO_HISTORY: Code(
        "split-no-history", "method: history without usable history (none, no product rows, all zero).", _E
    ),
    NO_CAPACITY: Code("split-no-capacity", "method: capacity and a rep has no capacity.", _E),
    OVER_CAPACITY: Code("split-over-capacity", "The target asks more of the reps than their prorated capacity.", _E),
    IPF_FAILED: Code(
        "split-ipf-failed", "Iterative proportional fitting cannot meet both margins (zeros in the seed).", _E
    ),
    TOO_MANY_LEAVES: Code(
        "split-too-many-leaves", "The breakdown would have more leaves than the limit; nothing is built.", _E
    ),
    CALENDAR_FALLBACK: Code(
        "split-calendar-fallback",
        "Workdays of a year whose official holiday schedule (make-up working days) is not published yet: "
        "statutory holidays only (one notice per year).",
        Severity.NOTICE,
    ),
    LEVEL_ORDER: Code("split-level-order", "A dimension repeats, or a time level is coarser than one outside it.", _E),
    NOT_ADDITIVE: Code("split-not-additive", "A rate target (unit %) cannot be split into parts that add up.", _E),
    UNKNOWN_TARGET: Code("split-unknown-target", "--target names a target the plan does not have.", _E),
    HISTORY_MISSING_PART: Code(
        "split-history-missing-part", "A part has no history and so gets nothing by history.", _W
    ),
    SPLIT_INTERNAL: Code("split-internal-error", "A bug in the split engine; reported instead of a traceback.", _E),
    ACTUALS_UNREADABLE: Code(
        "actuals-unreadable", "The actuals file cannot be read (missing, not UTF-8, damaged xlsx).", _E
    ),
    ACTUALS_BAD_HEADER: Code(
        "actuals-bad-header",
        "The actuals table lacks a value column, or has a column it cannot place, a repeated one or an unknown unit.",
        _E,
    ),
    ACTUALS_BAD_NUMBER: Code("actuals-bad-number", "An actual value is not a number.", _E),
    ACTUALS_UNKNOWN: Code(
        "actuals-unknown-part", "An actuals row names a target, region, product or rep the plan lacks.", _E
    ),
    ACTUALS_BAD_DATE: Code("actuals-bad-date", "An actuals row's date or month cannot be read.", _E),
    ACTUALS_OUTSIDE: Code("actuals-outside-period", "An actuals row is dated outside the plan period.", _E),
    ACTUALS_NO_TARGET: Code(
        "actuals-no-target", "An actuals row names no target and the plan has no default target.", _E
    ),
    ACTUALS_NOT_IN_BREAKDOWN: Code(
        "actuals-not-in-breakdown",
        "An actuals row's region, product or rep is not a part of its target's scope or breakdown.",
        _E,
    ),
    ACTUALS_REP_INACTIVE: Code(
        "actuals-rep-inactive",
        "An actuals row is booked to a rep on a day before the rep's start or after the rep's end.",
        _W,
    ),
    FORMULA_UNKNOWN_METRIC: Code(
        "formula-unknown-metric",
        "A formula names a metric that no target of the plan measures and no actuals row records.",
        _W,
    ),
    COMMITMENT_REPEATED: Code(
        "commitment-repeated", "A commitments file commits one part of a target's breakdown in two rows.", _E
    ),
    FORBIDDEN_CHARACTER: Code(
        "export-forbidden-character",
        "Plan text holds a character XML 1.0 forbids (a C0 control, U+FFFE/U+FFFF, a lone surrogate); "
        "the export shows U+FFFD (�) in its place.",
        _W,
    ),
    CELL_TEXT_CUT: Code(
        "export-cell-text-cut",
        "A text is longer than Excel's 32,767 characters per cell; the cell is cut and ends in …[truncated].",
        _W,
    ),
    NUMBER_AS_TEXT: Code(
        "export-number-as-text",
        "A number has more than 15 significant digits, which Excel would round; the cell holds its exact "
        "digits as text, and a total over it is written as its exact value instead of a SUM formula.",
        _W,
    ),
    ROLLUP_VALUE_MISMATCH: Code(
        "rollup-value-mismatch", "A target's value differs from the part of the parent target it implements.", _E
    ),
    ROLLUP_PARENT_UNAVAILABLE: Code(
        "rollup-parent-unavailable", "The parent plan of `implements:` is missing, does not load or does not split.", _E
    ),
    ROLLUP_UNKNOWN_TARGET: Code("rollup-unknown-target", "`implements:` names a target the parent plan lacks.", _E),
    ROLLUP_UNKNOWN_PART: Code(
        "rollup-unknown-part", "`implements:` names a part that is not in the parent target's split.", _E
    ),
    ROLLUP_CLAIMED_TWICE: Code(
        "rollup-part-claimed-twice", "Two child targets implement the same (or an overlapping) part.", _E
    ),
    ROLLUP_CYCLE: Code("rollup-cycle", "Plans implement each other in a cycle.", _E),
    ROLLUP_NO_CHILD: Code(
        "rollup-part-without-child",
        "A part of a rolled-up parent target has no child plan (reported with --require-children).",
        _W,
    ),
    ROLLUP_UNIT_MISMATCH: Code(
        "rollup-unit-mismatch", "A child target's unit cannot be converted to its parent target's unit.", _E
    ),
    ROLLUP_PERIOD_OUTSIDE: Code(
        "rollup-period-outside", "A child plan's period is not within its parent plan's period.", _E
    ),
    IMPORT_UNREADABLE: Code("import-unreadable", "The workbook cannot be read (missing, damaged, XML entities).", _E),
    IMPORT_NOT_XLSX: Code("import-not-xlsx", "The file is not an xlsx workbook (.xls or .et: save as .xlsx).", _E),
    IMPORT_TOO_LARGE: Code("import-too-large", "The workbook is over the size, part or cell bounds (a zip bomb).", _E),
    IMPORT_SHEET_MISSING: Code("import-sheet-missing", "A sheet the workbook must hold is missing or renamed.", _E),
    IMPORT_EMBEDDED: Code(
        "import-embedded-plan", "The plan embedded in the workbook does not parse or does not match its sheets.", _E
    ),
    IMPORT_BAD_VALUE: Code("import-bad-value", "A cell does not hold a number, day or text of its column.", _E),
    IMPORT_UNKNOWN: Code("import-unknown-name", "A cell names a person, part or word the plan does not know.", _E),
    IMPORT_ROW_CHANGED: Code("import-row-changed", "A row was added, removed or re-labelled: its id changed.", _E),
    IMPORT_TOTAL: Code(
        "import-total-not-input", "A total was typed over, does not equal its parts, or a formula is in an input.", _E
    ),
    IMPORT_NOT_HELD: Code("import-edit-not-held", "An edited part of a breakdown the plan's split cannot hold.", _E),
}

# the documentation group of each code range (`salesplan.rules.<group>` holds one module per code)
_GROUPS = ((40, "loader"), (60, "split"), (80, "review"), (90, "export"), (100, "rollup"), (630, "importer"))


def group(code: str) -> str:
    """`loader`, `split`, `review`, `export`, `rollup` or `importer`: the part of salesplan that emits `code`."""
    number = int(code[2:])
    return next(name for bound, name in _GROUPS if number < bound)


def code_name(code: str) -> str:
    entry = CODES.get(code)
    return entry.name if entry else ""


def diagnostic(
    code: str,
    source: SourceRef,
    message: str | Message,
    message_zh: str | None = None,
    path: tuple[str | int, ...] = (),
    hint: str | Message | None = None,
    hint_zh: str | None = None,
    *,
    severity: Severity | None = None,
) -> Diagnostic:
    """A located finding of `code`, named and (unless given) graded by `CODES`.

    `message` and `hint` are `salesplan.i18n.Message`s, rendered in every language; plain strings
    with their `_zh` texts are still taken while callers move to the catalogs.
    """
    from salesplan.i18n import Message

    entry = CODES[code]
    en = message.render("en") if isinstance(message, Message) else message
    zh = message.render("zh") if isinstance(message, Message) else message_zh
    hint_en = hint.render("en") if isinstance(hint, Message) else hint
    hint_cn = hint.render("zh") if isinstance(hint, Message) else hint_zh
    return Diagnostic(
        code=code,
        severity=severity or entry.severity,
        message=en,
        message_zh=zh,
        source=source,
        path=path,
        hint=hint_en,
        hint_zh=hint_cn,
        name=entry.name,
    )
