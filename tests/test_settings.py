"""The one settings model: every table's unknown key, wrong type and out-of-range percent, located at
file, line, table and key in both languages; and the command line over the file over the defaults."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from salesplan.diagnostics import Severity
from salesplan.review.alerts import Triggers
from salesplan.review.engine import Thresholds
from salesplan.review.headers import ColumnSettings
from salesplan.risk.config import RESPOND_AT, RiskConfig
from salesplan.rules import OPTIONS, RULES
from salesplan.rules.smart.sp103_target_not_achievable import MAX_GROWTH
from salesplan.settings import ConfigError, OptionError, Settings, load_config, read_config, resolve
from salesplan.settings_model import LintTable, SettingsFile, allowed_keys


def problems(tmp_path: Path, text: str, name: str = "salesplan.toml") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        read_config(path)
    shown = str(path)
    return [(p.render("en").replace(shown, name), p.render("zh").replace(shown, name)) for p in raised.value.problems]


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        (
            'selct = ["SP1"]\n',
            "salesplan.toml:1: selct: unknown key; did you mean 'select'? (allowed: select, ignore, exclude,",
            "salesplan.toml:1：selct：未知的键；是否想写 'select'？（可用：select, ignore, exclude,",
        ),
        (
            '[lint]\nfail_on = "warning"\n',
            "salesplan.toml:2: [lint] fail_on: unknown key; did you mean 'fail-on'?",
            "salesplan.toml:2：[lint] fail_on：未知的键；是否想写 'fail-on'？",
        ),
        (
            '[severity]\nSP1O1 = "error"\n',
            "salesplan.toml:2: [severity] SP1O1: unknown rule code or name 'SP1O1' (see `salesplan rules`)",
            "salesplan.toml:2：[severity] SP1O1：未知的规则代码或名称 'SP1O1'（见 `salesplan rules`）",
        ),
        (
            "[review]\nbehind = 50\n",
            "salesplan.toml:2: [review] behind: unknown key (allowed: ahead, on-track, at-risk,",
            "salesplan.toml:2：[review] behind：未知的键（可用：ahead, on-track, at-risk,",
        ),
        (
            '[review.columns]\nregoin = ["片区"]\n',
            "salesplan.toml:2: [review.columns] regoin: unknown key; did you mean 'region'?",
            "salesplan.toml:2：[review.columns] regoin：未知的键；是否想写 'region'？",
        ),
        (
            '[smart]\nmax-grow = "30%"\n',
            "salesplan.toml:2: [smart] max-grow: unknown key; did you mean 'max-growth'?",
            "salesplan.toml:2：[smart] max-grow：未知的键；是否想写 'max-growth'？",
        ),
        (
            '[risk]\nrespond = "high"\n',
            "salesplan.toml:2: [risk] respond: unknown key; did you mean 'respond-at'?",
            "salesplan.toml:2：[risk] respond：未知的键；是否想写 'respond-at'？",
        ),
        (
            "[planning]\nsize = 3\n",
            "salesplan.toml:1: planning: unknown key (allowed: select,",
            "salesplan.toml:1：planning：未知的键（可用：select,",
        ),
    ],
)
def test_an_unknown_key_in_every_table_is_located_with_a_suggestion(
    tmp_path: Path, text: str, en: str, zh: str
) -> None:
    [(got_en, got_zh)] = problems(tmp_path, text)
    assert got_en.startswith(en) and got_zh.startswith(zh)


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("exclude = 3\n", "salesplan.toml:1: exclude: must be a list of strings"),
        (
            '[lint]\nfail-on = "fatal"\n',
            "salesplan.toml:2: [lint] fail-on: must be one of error, warning, notice (got 'fatal')",
        ),
        ('severity = "error"\n', "salesplan.toml:1: severity: must be a table"),
        (
            "[review]\nstreak = 1.5\n",
            "salesplan.toml:2: [review] streak: must be a whole number of periods, 1 or more (got 1.5)",
        ),
        ("[review]\nahead = true\n", 'salesplan.toml:2: [review] ahead: must be a percentage such as 50 or "50%"'),
        ('[review.columns]\nrep = "跟进人"\n', "salesplan.toml:2: [review.columns] rep: must be a list of strings"),
        (
            '[smart]\ngrowth-metrics = "revenue"\n',
            "salesplan.toml:2: [smart] growth-metrics: must be a list of strings",
        ),
        ('[risk]\nsize = "5"\n', "salesplan.toml:2: [risk] size: must be a whole number (got '5')"),
        (
            '[risk]\nprobability = {low = "1"}\n',
            "salesplan.toml:2: [risk] probability: must be a table of whole numbers",
        ),
        ("smart = 3\n", "salesplan.toml:1: smart: must be a table"),
    ],
)
def test_a_wrong_type_in_every_table_is_located(tmp_path: Path, text: str, en: str) -> None:
    [(got, _zh)] = problems(tmp_path, text)
    assert got == en


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        (
            '[review]\nahead = "-5%"\n',
            "salesplan.toml:2: [review] ahead: must be a percentage of 0 or more (got -5)",
            "salesplan.toml:2：[review] ahead：应为不小于 0 的百分比（实际为 -5）",
        ),
        (
            '[review]\ndrop = "101%"\n',
            "salesplan.toml:2: [review] drop: must be a percent from 0 to 100 (got 101)",
            "salesplan.toml:2：[review] drop：应为 0 到 100 之间的百分比（实际为 101）",
        ),
        (
            "[smart]\nmax-growth = -1\n",
            "salesplan.toml:2: [smart] max-growth: must be a percentage of 0 or more (got -1)",
            "salesplan.toml:2：[smart] max-growth：应为不小于 0 的百分比（实际为 -1）",
        ),
        (
            '[review]\nfail-under = "12.00000000001%"\n',
            "salesplan.toml:2: [review] fail-under: the number has 11 decimal places; salesplan keeps at most 10",
            "salesplan.toml:2：[review] fail-under：数字有 11 位小数；salesplan 最多保留 10 位",
        ),
        (
            "[review]\non-track = 1e30\n",
            "salesplan.toml:2: [review] on-track: the number is too large (at most 18 digits before the point)",
            "salesplan.toml:2：[review] on-track：数字太大（整数部分最多 18 位）",
        ),
        (
            '[review]\nahead = "lots"\n',
            "salesplan.toml:2: [review] ahead: must be a percentage such as 50 or \"50%\" (got 'lots')",
            "salesplan.toml:2：[review] ahead：应为百分比，如 50 或 \"50%\"（实际为 'lots'）",
        ),
    ],
)
def test_an_out_of_range_percent_is_located_in_both_languages(tmp_path: Path, text: str, en: str, zh: str) -> None:
    assert problems(tmp_path, text) == [(en, zh)]


def test_every_problem_at_once_in_file_order_of_tables(tmp_path: Path) -> None:
    text = 'selct = ["SP1"]\n\n[review]\nahead = "x"\n\n[smart]\nmax-growth = -1\n\n[risk]\nsize = 11\n'
    found = [en for en, _ in problems(tmp_path, text)]
    assert [line.split(": ")[0] for line in found] == ["salesplan.toml:1", "salesplan.toml:4", "salesplan.toml:7"]
    # the risk matrix is checked as a whole once its keys read well
    assert problems(tmp_path, "[risk]\nsize = 11\n") == [
        (
            "salesplan.toml:2: [risk] size: must be from 2 to 10, not 11",
            "salesplan.toml:2：[risk] size：应在 2 到 10 之间，而不是 11",
        )
    ]


def test_pyproject_problems_name_the_tool_table_and_its_line(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.salesplan]\nselect = ["SP1"]\n\n[tool.salesplan.review]\non-track = "x%"\n'
    [(en, _zh)] = problems(tmp_path, text, "pyproject.toml")
    assert en.startswith("pyproject.toml:8: [tool.salesplan.review] on-track: must be a percentage")
    [(en, _zh)] = problems(tmp_path, '[tool.salesplan]\nfail-on = "all"\n', "pyproject.toml")
    assert en.startswith("pyproject.toml:2: [tool.salesplan] fail-on: must be one of error")
    [(en, _zh)] = problems(tmp_path, "[tool]\nsalesplan = 3\n", "pyproject.toml")
    assert en == "pyproject.toml:2: [tool] salesplan: must be a table"


def test_a_key_inside_an_inline_table_is_shown_at_its_line(tmp_path: Path) -> None:
    [(en, _zh)] = problems(tmp_path, "[risk]\nsize = 3\nprobability = {low = 1, medium = 2, high = 5}\n")
    assert en == "salesplan.toml:3: [risk.probability] high: must be from 1 to 3, not 5"


def test_lint_keys_in_a_lint_table_work_as_at_the_top_level(tmp_path: Path) -> None:
    (tmp_path / "salesplan.toml").write_text(
        '[lint]\nselect = ["SP1"]\nignore = ["SP104"]\nfail-on = "warning"\n[lint.severity]\nSP101 = "notice"\n',
        encoding="utf-8",
    )
    lint = resolve(load_config(None, tmp_path)).lint
    assert lint.enabled == {"SP101", "SP102", "SP103", "SP105", "SP106"}
    assert (lint.fail_on, dict(lint.severity)) == (Severity.WARNING, {"SP101": Severity.NOTICE})
    [(en, _zh)] = problems(tmp_path, 'select = ["SP1"]\n[lint]\nselect = ["SP2"]\n')
    assert en == "salesplan.toml:3: [lint] select: is given both at the top level and in [lint]"


def test_the_rule_tables_are_the_options_the_rules_declare() -> None:
    declared = {option.key for rule in RULES.values() for option in rule.options}
    assert declared <= set(OPTIONS) and {"smart.max-growth", "risk.respond-at"} <= declared
    for key, option in OPTIONS.items():
        table = getattr(SettingsFile.model_fields[option.table], "annotation", None)
        assert table is not None and option.name in allowed_keys(table), key
    # a value given in the file reaches the rules through the option that declares it; an absent one is its default
    rules = resolve(Settings(SettingsFile.model_validate({"smart": {"max-growth": "30%"}}))).lint.settings
    assert rules.get(MAX_GROWTH) == Decimal(30) and rules.get(RESPOND_AT) == "high"
    assert resolve().lint.settings.get(MAX_GROWTH) == Decimal(50)


def _file(tmp_path: Path, text: str) -> Settings:
    (tmp_path / "salesplan.toml").write_text(text, encoding="utf-8")
    return load_config(None, tmp_path)


def test_defaults_without_a_file(tmp_path: Path) -> None:
    chosen = resolve(load_config(None, tmp_path / "none"))
    assert chosen.review.thresholds == Thresholds() and chosen.review.triggers == Triggers()
    assert chosen.review.fail_under is None and chosen.review.columns == ColumnSettings()
    assert chosen.lint.enabled == frozenset(RULES) and chosen.lint.fail_on is Severity.ERROR
    assert chosen.risk == RiskConfig()


def test_the_command_line_wins_over_the_file_which_wins_over_the_defaults(tmp_path: Path) -> None:
    settings = _file(
        tmp_path,
        'select = ["SP1"]\nignore = ["SP104"]\nexclude = ["archive"]\nfail-on = "warning"\n'
        '[review]\nahead = "120%"\nat-risk = 70\nfail-under = 90\nstreak = 3\ndrop = "20%"\n'
        '[review.columns]\nrep = ["跟进人"]\nignore = ["备注"]\n[risk]\nrespond-at = "critical"\n',
    )
    filed = resolve(settings)
    assert filed.review.thresholds == Thresholds(Decimal(120), Decimal(95), Decimal(70))  # on-track: the default
    assert filed.review.triggers == Triggers(3, Decimal(20)) and filed.review.fail_under == 90
    assert filed.lint.enabled == {"SP101", "SP102", "SP103", "SP105", "SP106"} and filed.lint.exclude == ("archive",)
    assert filed.lint.fail_on is Severity.WARNING and filed.risk.respond_at == "critical"
    cli = resolve(
        settings,
        select=["SP2,SP301"],
        ignore=["SP203"],
        exclude=["drafts"],
        fail_on="notice",
        ahead="130",
        on_track="96%",
        fail_under="1",
        streak=4,
        drop="50 %",
        ignore_columns=["跟进人"],
    )
    assert cli.review.thresholds == Thresholds(Decimal(130), Decimal(96), Decimal(70))  # at-risk: the file's
    assert cli.review.triggers == Triggers(4, Decimal(50)) and cli.review.fail_under == 1
    assert cli.review.columns == ColumnSettings({"rep": ("跟进人",)}, ("备注", "跟进人"))
    # --select replaces the file's selection and its ignore; --ignore and --exclude add
    assert cli.lint.enabled == {"SP201", "SP202", "SP204", "SP205", "SP301"}
    assert cli.lint.exclude == ("archive", "drafts") and cli.lint.fail_on is Severity.NOTICE


def test_bad_options_are_named_all_at_once() -> None:
    with pytest.raises(OptionError) as raised:
        resolve(ahead="lots", drop="150", streak=0, select=["SP777"])
    assert [p.render("en") for p in raised.value.problems] == [
        "--select: unknown rule code or name 'SP777' (see `salesplan rules`)",
        "--ahead: must be a percentage such as 50 or \"50%\" (got 'lots')",
        "--streak: must be a whole number of periods, 1 or more (got 0)",
        "--drop: must be a percent from 0 to 100 (got 150)",
    ]
    assert raised.value.problems[1].render("zh") == "--ahead：应为百分比，如 50 或 \"50%\"（实际为 'lots'）"


def test_thresholds_out_of_order_blame_the_options_or_the_file(tmp_path: Path) -> None:
    with pytest.raises(OptionError) as raised:
        resolve(ahead="90")
    assert str(raised.value) == "thresholds must satisfy 0 ≤ at-risk ≤ on-track ≤ ahead (got 90, 95, 80)"
    settings = _file(tmp_path, "[review]\n\non-track = 99\nahead = 98\n")
    with pytest.raises(ConfigError) as file_error:
        resolve(settings)
    assert str(file_error.value).endswith(
        "salesplan.toml:4: [review] ahead: thresholds must satisfy 0 ≤ at-risk ≤ on-track ≤ ahead (got 98, 99, 80)"
    )
    assert resolve(settings, ahead="100").review.thresholds.ahead == 100  # the command line may mend it


def test_no_settings_file_means_exactly_the_defaults_an_empty_file_gives(tmp_path: Path) -> None:
    """With no file the tables are the models' defaults made without validation; they must equal
    what an empty salesplan.toml validates to, in every section and in the resolved settings."""
    (tmp_path / "salesplan.toml").write_text("", encoding="utf-8")
    empty, none = read_config(tmp_path / "salesplan.toml"), Settings()
    lint_keys = set(LintTable.model_fields)
    assert none.lint.model_dump(include=lint_keys) == empty.lint.model_dump(include=lint_keys)
    assert none.review.model_dump() == empty.review.model_dump()
    assert none.options == empty.options == {}
    assert resolve(none) == resolve(empty)
