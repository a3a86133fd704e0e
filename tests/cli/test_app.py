"""The command line as a user meets it: --help is instant, --version, python -m, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE as REPO_REFERENCE
from salesplan import __version__
from salesplan.cli.app import app

HEAVY = ("pydantic", "openpyxl", "jinja2")


def test_help_lists_every_command_without_heavy_imports() -> None:
    code = (
        "import sys\n"
        "from salesplan.cli.app import app\n"
        "from typer.testing import CliRunner\n"
        "r = CliRunner().invoke(app, ['--help'])\n"
        "print(r.output)\n"
        f"print('HEAVY', sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    for command in ("schema",):
        assert command in out


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"salesplan {__version__}"


def test_python_dash_m_works() -> None:
    out = subprocess.run([sys.executable, "-m", "salesplan", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in out.stdout


def test_schema_prints_json_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False
    assert "targets" in schema["properties"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "salesplan: 内部错误：RuntimeError: kaboom\n  请报告此问题；设置 SALESPLAN_DEBUG=1 运行可查看调用栈\n"),
        (
            "en",
            "salesplan: internal error: RuntimeError: kaboom\n"
            "  please report it; run with SALESPLAN_DEBUG=1 for the traceback\n",
        ),
    ],
)
def test_unexpected_error_is_one_line_not_a_traceback(
    language: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESPLAN_LANG", language)
    code = "import salesplan.cli.app as a\ndef boom(): raise RuntimeError('kaboom')\na.app = boom\na.main()\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == expected


REFERENCE = REPO_REFERENCE
ACTUALS = Path(__file__).resolve().parents[1] / "review" / "fixtures" / "actuals.csv"

# every command that writes a file with -o, and the arguments of one such run
WRITERS = {
    "split": ["split", str(REFERENCE)],
    "lint": ["lint", str(REFERENCE)],
    "risks": ["risks", str(REFERENCE)],
    "schema": ["schema"],
    "export": ["export", str(REFERENCE), "-f", "md"],
    "review": ["review", str(REFERENCE), "--actuals", str(ACTUALS), "--as-of", "2026-08-15"],
    "diff": ["diff", str(REFERENCE), str(REFERENCE)],
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_every_output_option_keeps_an_existing_file_without_force(command: str, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("mine", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, [*WRITERS[command], "-o", str(out)])
    assert refused.exit_code == 2, refused.output
    assert out.read_text(encoding="utf-8") == "mine"
    assert "--force" in refused.output
    forced = runner.invoke(app, [*WRITERS[command], "-o", str(out), "--force"])
    assert forced.exit_code in (0, 1), forced.output
    assert out.read_text(encoding="utf-8") != "mine"
    assert forced.output.strip().splitlines()[-1] == f"已写入 {out}"
    english = runner.invoke(app, [*WRITERS[command], "-o", str(out), "--force", *(["--lang", "en"])])
    assert english.output.strip().splitlines()[-1] == f"wrote {out}"
