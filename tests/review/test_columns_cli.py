"""The user's actuals headers: `[review.columns]` in salesplan.toml / pyproject.toml, and `--ignore-column`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan.cli.app import app
from salesplan.review.headers import ColumnSettings
from salesplan.settings import ConfigError, load_config, resolve

HERE = Path(__file__).resolve().parent
REFERENCE = REPO_REFERENCE
UNKNOWN = HERE / "fixtures" / "unknown-column.csv"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["review", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(REFERENCE, tmp_path / "plan.yaml")
    shutil.copy(UNKNOWN, tmp_path / "a.csv")
    return tmp_path


def rep_actual(out: str, rep: str) -> str:
    t1 = json.loads(out)["targets"][0]
    return next(str(row["actual"]) for row in t1["rows"] if row["level"] == "rep" and row["part"] == rep)


def test_an_unknown_column_exits_2_and_writes_nothing(folder: Path) -> None:
    code, out, err = run(folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31", "-o", folder / "r.md")
    assert (code, out) == (2, "")
    assert not (folder / "r.md").exists()
    assert "a.csv:1:3: SP061 无法识别的列 '跟进人'" in err and "--ignore-column '跟进人'" in err
    code, out, err = run(folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31", "--lang", "en")
    assert (code, out) == (2, "")
    assert "a.csv:1:3: SP061 unknown column '跟进人': salesplan cannot place it" in err


def test_ignore_column_lets_the_review_run(folder: Path) -> None:
    code, out, err = run(
        folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31", "--ignore-column", "跟进人", "-f", "json"
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["targets"][0]["rows"][0]["actual"] == "20"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("salesplan.toml", '[review.columns]\nrep = ["跟进人"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.salesplan.review.columns]\nrep = ["跟进人"]\n'),
    ],
)
def test_configured_words_place_the_column(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    actuals = folder / "a.csv"
    actuals.write_text("目标,区域,产品,跟进人,日期,金额\nT1,A区,医疗器械,李雷,2026/7/10,20\n", encoding="utf-8")
    code, out, err = run(folder / "plan.yaml", "-a", actuals, "--as-of", "2026-07-31", "-f", "json")
    assert (code, err) == (0, "")
    assert rep_actual(out, "李雷") == "20"  # the row counts for the rep, not only for the region


def test_configured_ignore_list(folder: Path) -> None:
    (folder / "salesplan.toml").write_text('[review.columns]\nignore = ["跟进人", "备注"]\n', encoding="utf-8")
    code, _, err = run(folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            '[review.columns]\nrepp = ["跟进人"]\n',
            "salesplan.toml:2: [review.columns] repp: unknown key; did you mean 'rep'? (allowed: target, region,",
        ),
        ('[review.columns]\nrep = "跟进人"\n', "salesplan.toml:2: [review.columns] rep: must be a list of strings"),
        ('[review.columns]\nrep = [""]\n', "salesplan.toml:2: [review.columns] rep: must not hold an empty header"),
        (
            '[review.columns]\nrep = ["负责人"]\nregion = ["负责人"]\n',
            "salesplan.toml:3: [review.columns] region: '负责人' is listed under both rep and region",
        ),
        ("[review]\ncolumns = 3\n", "salesplan.toml:2: [review] columns: must be a table"),
    ],
)
def test_bad_column_settings_name_the_file_and_key(folder: Path, text: str, says: str) -> None:
    (folder / "salesplan.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"salesplan\.toml") as raised:
        load_config(None, folder)
    assert says in str(raised.value)
    code, out, err = run(folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31", "--lang", "en")
    assert (code, out) == (2, "") and f"salesplan: configuration error: {raised.value}" in err
    assert says in err
    code, out, err = run(folder / "plan.yaml", "-a", folder / "a.csv", "--as-of", "2026-07-31")
    assert (code, out) == (2, "") and f"salesplan: 配置错误：{raised.value.message.render('zh')}" in err


def test_column_settings_are_read_with_the_review_table(folder: Path) -> None:
    (folder / "salesplan.toml").write_text(
        '[review]\nahead = 120\n\n[review.columns]\nrep = ["跟进人", "Owner"]\nvalue = ["回款"]\nignore = ["备注"]\n',
        encoding="utf-8",
    )
    config = resolve(load_config(None, folder)).review
    assert config.thresholds.ahead == 120
    assert config.columns == ColumnSettings({"rep": ("跟进人", "Owner"), "value": ("回款",)}, ("备注",))
    assert resolve(load_config(None, folder.parent / "nowhere-near")).review.columns == ColumnSettings()
