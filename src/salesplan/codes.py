"""Stable codes of the loader and the model checks (SP0xx). Codes are never reused.

Each entry: code -> (kebab-case name, one-line summary). The lint rules (SP1xx and up) live in
`salesplan.rules`, one module per rule; these loader codes are documented there too.
"""

from __future__ import annotations

from salesplan.diagnostics import Diagnostic, Severity, SourceRef

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

LOADER_CODES: dict[str, tuple[str, str]] = {
    FILE_UNREADABLE: ("file-unreadable", "The file cannot be read (missing, a folder, no permission)."),
    FILE_TOO_LARGE: ("file-too-large", "The file is over 10 MB or holds more than 100,000 values."),
    ENCODING: ("file-encoding", "The file is not UTF-8 (GBK from Windows is the common case)."),
    YAML_SYNTAX: ("yaml-syntax", "The file is not well-formed YAML."),
    DUPLICATE_KEY: ("duplicate-key", "A mapping has the same key twice; YAML would keep the last silently."),
    ALIAS_LIMIT: ("alias-limit", "Anchors and aliases expand beyond the limit (billion-laughs guard)."),
    NESTING_TOO_DEEP: ("nesting-too-deep", "Data is nested deeper than the limit."),
    INVALID_NUMBER: ("invalid-number", "A number is not finite, has 18+ digits or more than 10 decimal places."),
    INVALID_DATE: ("invalid-date", "A date that does not exist (2026-02-30) or is malformed."),
    NOT_A_PLAN: ("not-a-plan", "The file is empty or its top level is not a mapping with `salesplan:`."),
    UNSUPPORTED_VERSION: ("unsupported-version", "`salesplan:` names a format version this tool does not read."),
    UNKNOWN_KEY: ("unknown-key", "A key that format 1 does not have (with a did-you-mean suggestion)."),
    INVALID_VALUE: ("invalid-value", "A value of the wrong type or outside its allowed values."),
    MISSING_FIELD: ("missing-field", "A required field is absent."),
    DUPLICATE_ID: ("duplicate-id", "Two items of one kind share an id."),
    UNRESOLVED_REFERENCE: ("unresolved-reference", "A reference names an id that does not exist."),
    INVALID_ID: ("invalid-id", "An id contains whitespace, control or invisible characters."),
    NEGATIVE_VALUE: ("negative-value", "A target, budget or capacity is negative."),
    PERIOD_ORDER: ("period-order", "A period or task ends before it starts."),
}


def code_name(code: str) -> str:
    entry = LOADER_CODES.get(code)
    return entry[0] if entry else ""


def loader_error(
    code: str,
    source: SourceRef,
    message: str,
    message_zh: str | None,
    path: tuple[str | int, ...] = (),
    hint: str | None = None,
    hint_zh: str | None = None,
) -> Diagnostic:
    """An error of the loader or the model checks: its code's name, both languages, located."""
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        message_zh=message_zh,
        source=source,
        path=path,
        hint=hint,
        hint_zh=hint_zh,
        name=code_name(code),
    )
