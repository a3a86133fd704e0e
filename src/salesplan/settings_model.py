"""The settings model: one typed table per section of salesplan.toml (pydantic, unknown keys refused).

- lint's keys at the top level, or in `[lint]`: `select`, `ignore`, `exclude`, `fail-on`, `[severity]`;
- `[review]` (the defaults of `salesplan review`) and `[review.columns]` (the actuals' header words);
- one table per prefix of the rules' options (`[smart]`, `[risk]`), built from the rule registry:
  an option a rule declares in its `OPTIONS` is a key here with no other edit.

Every value is read by a reader of `salesplan.options` that raises a `SettingError` saying why; the
loader (`salesplan.settings`) locates each problem at its file, line and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model, model_validator

from salesplan.diagnostics import Severity
from salesplan.i18n import Message, _
from salesplan.options import Option, SettingError, percent, shown, strings
from salesplan.review.headers import COLUMN_KEYS
from salesplan.risk.config import RiskConfig, RiskConfigError
from salesplan.rules import OPTIONS, expand, lookup
from salesplan.settings_place import Key, Place

_STRICT = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)
# the tables made of the rules' options, each with its options by key name
RULE_TABLES: dict[str, dict[str, Option[Any]]] = {}
for _option in OPTIONS.values():
    RULE_TABLES.setdefault(_option.table, {})[_option.name] = _option


class AtKey(SettingError):
    """A problem found across keys of a table, located at one of them (`at`, below the table)."""

    def __init__(self, at: tuple[str, ...], error: SettingError) -> None:
        super().__init__(error.message)
        self.at = at


def rule_codes(value: Any) -> tuple[str, ...]:
    """Codes, prefixes (`SP1`) or rule names -> the codes they name."""
    codes: list[str] = []
    for selector in strings(value):
        found = expand(selector)
        if not found:
            raise SettingError(_("unknown rule code or name '{selector}' (see `salesplan rules`)", selector=selector))
        codes += found
    return tuple(codes)


def read_severity(value: Any) -> Severity:
    try:
        return Severity(value)
    except (TypeError, ValueError):
        raise SettingError(_("must be one of error, warning, notice (got {value})", value=shown(value))) from None


def _rule_code(key: str) -> str:
    rule = lookup(key)
    if rule is None:
        raise SettingError(_("unknown rule code or name '{selector}' (see `salesplan rules`)", selector=key))
    return rule.code


def read_streak(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingError(_("must be a whole number of periods, 1 or more (got {value})", value=shown(value)))
    return value


def read_drop(value: Any) -> Decimal:
    share = percent(value)
    if share > 100:
        raise SettingError(_("must be a percent from 0 to 100 (got {value})", value=share))
    return share


def _headers(value: Any) -> tuple[str, ...]:
    listed = strings(value)
    if not all(word.strip() for word in listed):
        raise SettingError(_("must not hold an empty header"))
    return listed


RuleCode = Annotated[str, AfterValidator(_rule_code)]
Codes = Annotated[tuple[str, ...] | None, BeforeValidator(rule_codes)]
Percent = Annotated[Decimal | None, BeforeValidator(percent)]


class LintTable(BaseModel):
    """What `salesplan lint` checks and how strictly (top-level keys or `[lint]`)."""

    model_config = _STRICT
    select: Codes = None
    ignore: Codes = None
    exclude: Annotated[tuple[str, ...] | None, BeforeValidator(strings)] = None
    fail_on: Annotated[Severity | None, BeforeValidator(read_severity)] = Field(None, alias="fail-on")
    severity: (
        dict[Annotated[str, AfterValidator(_rule_code)], Annotated[Severity, BeforeValidator(read_severity)]] | None
    ) = None


class _Columns(BaseModel):
    model_config = _STRICT

    @model_validator(mode="before")
    @classmethod
    def _each_word_once(cls, data: Any) -> Any:
        seen: dict[str, str] = {}
        for column, words in data.items() if isinstance(data, dict) else ():
            for word in words if isinstance(words, list) else ():
                other = seen.setdefault(str(word).strip().lower(), column)
                if other != column:
                    problem = _(
                        "'{word}' is listed under both {other} and {column}", word=word, other=other, column=column
                    )
                    raise AtKey((column,), SettingError(problem))
        return data


_HeaderWords = Annotated[tuple[str, ...] | None, BeforeValidator(_headers)]
# `[review.columns]`: the user's own header words for each column of the actuals, and headers to leave unread
ColumnsTable: type[_Columns] = create_model(  # type: ignore[call-overload]
    "ColumnsTable", __base__=_Columns, **{key: (_HeaderWords, None) for key in (*COLUMN_KEYS, "ignore")}
)


class ReviewTable(BaseModel):
    """`[review]`: the defaults of `salesplan review` (its options override them)."""

    model_config = _STRICT
    ahead: Percent = None
    on_track: Percent = Field(None, alias="on-track")
    at_risk: Percent = Field(None, alias="at-risk")
    fail_under: Percent = Field(None, alias="fail-under")
    streak: Annotated[int | None, BeforeValidator(read_streak)] = None
    drop: Annotated[Decimal | None, BeforeValidator(read_drop)] = None
    columns: ColumnsTable = Field(default_factory=ColumnsTable)


def _rule_table(name: str, options: dict[str, Option[Any]]) -> type[BaseModel]:
    fields: dict[str, Any] = {
        key.replace("-", "_"): (Annotated[Any, BeforeValidator(option.read)], Field(None, alias=key))
        for key, option in options.items()
    }
    model: type[BaseModel] = create_model(f"{name.title()}Table", __config__=_STRICT, **fields)
    return model


class _Root(LintTable):
    lint: LintTable | None = None
    review: ReviewTable = Field(default_factory=ReviewTable)

    def option_values(self) -> dict[str, Any]:
        """The rules' options the file gives, by key (`smart.max-growth`)."""
        values: dict[str, Any] = {}
        for table in RULE_TABLES:
            given: BaseModel = getattr(self, table)
            values |= {f"{table}.{key}": v for key, v in given.model_dump(by_alias=True, exclude_unset=True).items()}
        return values

    @model_validator(mode="after")
    def _across_keys(self) -> _Root:
        if self.lint is not None:
            for name in sorted(self.lint.model_fields_set & self.model_fields_set):
                alias = LintTable.model_fields[name].alias or name
                raise AtKey(("lint", alias), SettingError(_("is given both at the top level and in [lint]")))
        try:
            RiskConfig.from_settings(self.option_values())
        except RiskConfigError as exc:
            raise AtKey(("risk", *exc.key.split(".")), SettingError(exc.message)) from None
        return self


_TABLES = {name: _rule_table(name, options) for name, options in RULE_TABLES.items()}
# the whole file (the content of salesplan.toml, or [tool.salesplan] of pyproject.toml)
SettingsFile: type[_Root] = create_model(  # type: ignore[call-overload]
    "SettingsFile", __base__=_Root, **{name: (model, Field(default_factory=model)) for name, model in _TABLES.items()}
)


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


@dataclass(frozen=True)
class Settings:
    """What a settings file says; `Settings()` is no file at all (every default).

    With no file nothing is validated: the tables are the models' defaults, made without building
    their validators (the models are built on the first file read: `defer_build`), so a lint
    without a settings file does not pay for them."""

    file: LintTable | None = None
    place: Place | None = None

    @property
    def lint(self) -> LintTable:
        """lint's keys, from the top level or `[lint]` (a key may be given in only one of them)."""
        if self.file is None:
            return LintTable.model_construct()
        section: LintTable | None = getattr(self.file, "lint", None)
        return self.file if section is None else self.file.model_copy(update=section.model_dump(exclude_unset=True))

    @property
    def review(self) -> ReviewTable:
        if self.file is None:
            columns: Any = ColumnsTable.model_construct()
            return ReviewTable.model_construct(columns=columns)
        review: ReviewTable = getattr(self.file, "review", ReviewTable())
        return review

    @property
    def options(self) -> dict[str, Any]:
        """The rules' options the file gives, by key (`smart.max-growth`)."""
        if self.file is None:
            return {}
        values: dict[str, Any] = self.file.option_values()  # type: ignore[attr-defined]
        return values

    def located(self, key: Key, problem: Message) -> Message:
        return self.place.problem(key, problem) if self.place is not None else problem
