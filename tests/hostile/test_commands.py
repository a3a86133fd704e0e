"""Every command on every hostile case, as a user runs it (a subprocess each).

For each case and command: no traceback, the documented exit code (lint: 1 for findings, 2 for
an unreadable file; split, export, review: 2 for a plan that does not load), a `file:line:col:
CODE` diagnostic, no control character of the file in the output, a bounded run time (the
subprocess timeout; no other timing is asserted), and nothing written or overwritten on failure:
a new output path stays absent, an existing one keeps its bytes and mode even with --force, and
no temp file is left in the folder.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("hostile_corpus_cmd", Path(__file__).with_name("corpus.py"))
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["hostile_corpus_cmd"] = corpus
_spec.loader.exec_module(corpus)

SALESPLAN = [sys.executable, "-m", "salesplan"]
CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
    "check-jsonschema"
)
TIME_LIMIT = 8  # seconds per run: a bound on hostile input, far above the ~0.5 s a run takes
MEMORY_LIMIT = 512 * 1024 * 1024  # address space for the huge split: a run needs under 100 MB of it
LOADER_FAILURES = [
    "tabs", "unclosed-quote", "unclosed-bracket", "duplicate-key", "billion-laughs", "deep-nesting", "nan", "inf",
    "400-digits", "no-such-date", "wrong-types", "unknown-keys", "empty", "nul-bytes", "gbk", "zero-width-id",
    "control-char-id", "twenty-mb", "too-many-values",
]  # fmt: skip
LOADING = ["bom", "huge-split", "cycle-1000", "injection"]
ALL_CASES = [*LOADER_FAILURES, *LOADING]
# C0 controls other than TAB and LF, DEL, C1: a plan's ESC or BEL must never reach a terminal or log
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what salesplan says of a bug in itself, in either language
INTERNAL_ERROR = re.compile(r"internal error|内部错误")


def _has_command(name: str) -> bool:
    from salesplan.cli.app import app

    return any(c.name == name for c in app.registered_commands)


HAS_REVIEW = _has_command("review")


def _cap_memory() -> None:
    """In the child: an address-space limit, so a command that tries to hold 10^7 leaves fails loudly."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args: str, cwd: Path | None = None, capped: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [*SALESPLAN, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIME_LIMIT,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        preexec_fn=_cap_memory if capped and sys.platform == "linux" else None,
    )


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    return {c.name: c for c in corpus.build(tmp_path_factory.mktemp("hostile-cmd"))}


def located(case: corpus.Case) -> re.Pattern[str]:
    """The diagnostic a refusing command must print: the case's code at its place when known."""
    line = str(case.line) if case.line else r"\d+"
    col = str(case.col) if case.col else r"\d+"
    code = case.code or r"SP\d+"
    return re.compile(rf"(?m)^{re.escape(str(case.path))}:{line}:{col}: {code} ")


def assert_clean(proc: subprocess.CompletedProcess[str], expected_exit: int) -> str:
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output and not INTERNAL_ERROR.search(output), output[-3000:]
    assert proc.returncode == expected_exit, (proc.returncode, output[-3000:])
    assert not CONTROL.search(output), CONTROL.findall(output)
    return output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), stat.S_IMODE(p.stat().st_mode)) for p in sorted(folder.iterdir())}


def existing_output(folder: Path, name: str) -> Path:
    """An output file a user already has: a failing run must leave it exactly as it is."""
    path = folder / name
    path.write_bytes(b"the user's own file\n")
    path.chmod(0o640)
    return path


# --- lint ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_lint_reports_findings_with_location(name: str, cases: dict[str, corpus.Case]) -> None:
    case = cases[name]
    output = assert_clean(run("lint", "--lang", "en", str(case.path)), 1)
    assert located(case).search(output), output[-3000:]


@pytest.mark.parametrize("fmt", ["github", "json", "sarif"])
def test_lint_machine_formats_on_a_broken_file(fmt: str, cases: dict[str, corpus.Case]) -> None:
    case = cases["control-char-id"]
    output = assert_clean(run("lint", "--lang", "en", "--format", fmt, str(case.path)), 1)
    assert "SP032" in output


def test_lint_exits_2_for_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    for path in (missing, dangling):
        output = assert_clean(run("lint", "--lang", "en", str(path)), 2)
        assert re.search(rf"(?m)^{re.escape(str(path))}:1:1: SP001 ", output), output


# --- split and export: refuse, write nothing ----------------------------------------------------


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_split_refuses_and_writes_nothing(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases[name]
    out = tmp_path / "split.json"
    output = assert_clean(run("split", str(case.path), "--format", "json", "-o", str(out)), 2)
    assert located(case).search(output), output[-3000:]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_export_md_refuses_and_writes_nothing(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases[name]
    out = tmp_path / "plan.md"
    output = assert_clean(run("export", str(case.path), "--format", "md", "-o", str(out)), 2)
    assert located(case).search(output), output[-3000:]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", LOADER_FAILURES)
def test_export_xlsx_with_force_leaves_the_existing_file(
    name: str, cases: dict[str, corpus.Case], tmp_path: Path
) -> None:
    case = cases[name]
    out = existing_output(tmp_path, "plan.xlsx")
    before = snapshot(tmp_path)
    output = assert_clean(run("export", str(case.path), "--format", "xlsx", "-o", str(out), "--force"), 2)
    assert located(case).search(output), output[-3000:]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_split_with_force_leaves_the_existing_file(fmt: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases["huge-split"]
    out = existing_output(tmp_path, f"split.{fmt}")
    before = snapshot(tmp_path)
    output = assert_clean(run("split", str(case.path), "--format", fmt, "-o", str(out), "--force"), 2)
    assert re.search(rf"(?m)^{re.escape(str(case.path))}:\d+:\d+: SP053 ", output), output
    assert snapshot(tmp_path) == before


# --- files that load but are hostile to a later stage ---------------------------------------------


def test_huge_split_is_refused_not_exhausting_memory(cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    case = cases["huge-split"]
    where = rf"(?m)^{re.escape(str(case.path))}:\d+:\d+: "
    split = run("split", str(case.path), "--format", "json", "-o", str(tmp_path / "x.json"), capped=True)
    assert re.search(where + f"{case.stage_code} ", assert_clean(split, 2))
    lint = assert_clean(run("lint", "--lang", "en", str(case.path), capped=True), 1)
    assert re.search(where + f"{case.stage_code} ", lint), lint  # the split engine's own code (SP053)
    for fmt in ("md", "xlsx"):
        exported = run("export", str(case.path), "--format", fmt, "-o", str(tmp_path / f"x.{fmt}"), capped=True)
        assert re.search(where + f"{case.stage_code} ", assert_clean(exported, 2))
    assert list(tmp_path.iterdir()) == []


def test_task_cycle_of_1000_is_reported_and_the_plan_still_exports(
    cases: dict[str, corpus.Case], tmp_path: Path
) -> None:
    case = cases["cycle-1000"]
    lint = assert_clean(run("lint", "--lang", "en", str(case.path)), 1)
    cycle = rf"(?m)^{re.escape(str(case.path))}:\d+:\d+: {case.stage_code} .*cycle: K0 → K1 → "
    assert re.search(cycle, lint), lint[-3000:]
    assert_clean(run("split", str(case.path), "--format", "json", "-o", str(tmp_path / "s.json")), 0)
    for fmt in ("md", "xlsx"):
        assert_clean(run("export", str(case.path), "--format", fmt, "-o", str(tmp_path / f"c.{fmt}")), 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.md", "c.xlsx", "s.json"]


@pytest.mark.parametrize("name", ["bom", "injection"])
def test_plans_that_load_work_everywhere(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    path = str(cases[name].path)
    assert_clean(run("lint", "--lang", "en", path), 0)
    assert_clean(run("split", path, "-o", str(tmp_path / "s.txt")), 0)
    assert_clean(run("export", path, "--format", "md", "-o", str(tmp_path / "a.md")), 0)
    assert_clean(run("export", path, "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")), 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "a.xlsx", "s.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_without_writer_does_not_hang_any_command(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    where = rf"(?m)^{re.escape(str(fifo))}:1:1: SP010 "
    assert re.search(where, assert_clean(run("lint", "--lang", "en", str(fifo)), 1))
    assert re.search(where, assert_clean(run("split", str(fifo)), 2))
    assert re.search(where, assert_clean(run("export", str(fifo), "-o", str(tmp_path / "p.md")), 2))
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


# --- init over existing files --------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_CASES)
def test_init_never_overwrites_an_existing_plan(name: str, cases: dict[str, corpus.Case], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(cases[name].path, plan)
    before = snapshot(tmp_path)
    assert_clean(run("init", str(plan), "--scenario", "sprint", "--lang", "en"), 2)
    assert snapshot(tmp_path) == before  # no schema folder, no temp file either


@pytest.mark.parametrize("name", ["empty", "nul-bytes", "gbk", "bom", "twenty-mb", "injection"])
def test_init_never_overwrites_a_different_schema_file(
    name: str, cases: dict[str, corpus.Case], tmp_path: Path
) -> None:
    schema = tmp_path / ".salesplan" / "plan-1.schema.json"
    schema.parent.mkdir()
    shutil.copyfile(cases[name].path, schema)
    before = snapshot(schema.parent)
    assert_clean(run("init", str(tmp_path / "plan.yaml"), "--scenario", "sprint", "--lang", "en"), 2)
    assert snapshot(schema.parent) == before
    assert [p.name for p in tmp_path.iterdir()] == [".salesplan"]


# --- schema validation with check-jsonschema --------------------------------------------------------


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "plan-1.schema.json"
    assert_clean(run("schema", "-o", str(path)), 0)
    return path


def check_jsonschema(schema: Path, *files: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA is not None
    return subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


# the cases check-jsonschema itself cannot take: each runs alone, so it cannot stop the others
SCHEMA_TOOL_FAILS = {
    "billion-laughs": "check-jsonschema expands YAML aliases before validating: the billion-laughs file hangs it",
    "deep-nesting": "check-jsonschema itself dies with a RecursionError traceback on deeply nested YAML",
}
SCHEMA_BLIND = {
    "nan": "JSON Schema cannot reject NaN: every numeric bound compares false with it; only `salesplan lint` can",
    "too-many-values": "a JSON Schema does not bound a file's size: 9,000 valid tasks pass; `salesplan lint` refuses",
}


@pytest.fixture(scope="module")
def schema_report(cases: dict[str, corpus.Case], schema_file: Path) -> str:
    """One check-jsonschema run over every case it can take (its startup is most of a run's time).

    It has no size limit and reads YAML in pure Python, so the 20 MB case alone takes it 5-15 s:
    the run gets a hang guard instead of the few seconds salesplan's own commands are held to.
    """
    files = [c.path for name, c in cases.items() if name not in SCHEMA_TOOL_FAILS]
    proc = check_jsonschema(schema_file, *files, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def _xfail(names: list[str], reasons: dict[str, str]) -> list[object]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=reasons[n])) if n in reasons else n for n in names
    ]


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed")
@pytest.mark.parametrize("name", _xfail([n for n in ALL_CASES if n not in SCHEMA_TOOL_FAILS], SCHEMA_BLIND))
def test_schema_validation_with_check_jsonschema(name: str, cases: dict[str, corpus.Case], schema_report: str) -> None:
    case = cases[name]
    assert "Traceback" not in schema_report, schema_report[-3000:]
    named = re.search(rf"(?m)^\s*(Failed to parse )?{re.escape(str(case.path))}(::|$)", schema_report)
    assert (named is not None) == (case.code is not None), schema_report[-3000:]


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed")
@pytest.mark.parametrize("name", _xfail(list(SCHEMA_TOOL_FAILS), SCHEMA_TOOL_FAILS))
def test_check_jsonschema_on_what_it_cannot_take(name: str, cases: dict[str, corpus.Case], schema_file: Path) -> None:
    proc = check_jsonschema(schema_file, cases[name].path, timeout=4)
    assert "Traceback" not in proc.stdout + proc.stderr and proc.returncode == 1


# --- review, once the command exists -------------------------------------------------------------------

REFERENCE = corpus.REFERENCE


def _review(plan: Path, actuals: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("review", str(plan), "--actuals", str(actuals), "--as-of", "2026-08-15", "--lang", "en", *extra)


if HAS_REVIEW:

    @pytest.fixture
    def actuals(tmp_path_factory: pytest.TempPathFactory) -> Path:
        path = tmp_path_factory.mktemp("actuals") / "actuals.csv"
        path.write_text("target,region,month,value\nT1,east-a,2026-07,10\n", encoding="utf-8")
        return path

    @pytest.mark.parametrize("name", LOADER_FAILURES)
    def test_review_refuses_a_broken_plan_and_writes_nothing(
        name: str, cases: dict[str, corpus.Case], actuals: Path, tmp_path: Path
    ) -> None:
        case = cases[name]
        out = existing_output(tmp_path, "review.md")
        before = snapshot(tmp_path)
        output = assert_clean(_review(case.path, actuals, "--format", "md", "-o", str(out), "--force"), 2)
        assert located(case).search(output), output[-3000:]
        assert snapshot(tmp_path) == before

    @pytest.mark.parametrize("name", ALL_CASES)
    def test_review_refuses_hostile_actuals_and_writes_nothing(
        name: str, cases: dict[str, corpus.Case], tmp_path: Path
    ) -> None:
        case = cases[name]  # every hostile file as the actuals of a valid plan
        output = assert_clean(_review(REFERENCE, case.path, "--format", "json", "-o", str(tmp_path / "r.json")), 2)
        assert re.search(rf"(?m)^{re.escape(str(case.path))}:\d+:\d+: SP\d+ ", output), output[-3000:]
        assert list(tmp_path.iterdir()) == []

    def test_review_of_plans_that_load(cases: dict[str, corpus.Case], actuals: Path, tmp_path: Path) -> None:
        for name in ("bom", "injection", "cycle-1000"):
            assert_clean(_review(cases[name].path, actuals, "-o", str(tmp_path / f"{name}.txt")), 0)
        output = assert_clean(_review(cases["huge-split"].path, actuals, "-o", str(tmp_path / "huge.txt")), 2)
        assert re.search(rf"(?m)^{re.escape(str(cases['huge-split'].path))}:\d+:\d+: SP053 ", output), output
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bom.txt", "cycle-1000.txt", "injection.txt"]


# --- an output path that is one of the command's own inputs ----------------------------------------------


def _plan_copy(folder: Path) -> Path:
    plan = folder / "plan.yaml"
    shutil.copyfile(corpus.REFERENCE, plan)
    return plan


def test_split_refuses_to_write_over_its_plan(tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    before = snapshot(tmp_path)
    assert_clean(run("split", str(plan), "-o", str(plan), "--force"), 2)
    assert snapshot(tmp_path) == before


def test_lint_refuses_to_write_its_report_over_a_plan(tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    before = snapshot(tmp_path)
    proc = run("lint", str(plan), "-o", str(plan))
    assert snapshot(tmp_path) == before
    assert_clean(proc, 2)


@pytest.mark.parametrize("fmt", ["md", "xlsx"])
def test_export_refuses_to_write_over_its_plan(fmt: str, tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    before = snapshot(tmp_path)
    proc = run("export", str(plan), "--format", fmt, "-o", str(plan), "--force")
    assert snapshot(tmp_path) == before
    assert_clean(proc, 2)


if HAS_REVIEW:

    @pytest.mark.parametrize("which", ["plan", "actuals"])
    def test_review_refuses_to_write_over_its_inputs(which: str, tmp_path: Path) -> None:
        plan = _plan_copy(tmp_path)
        actuals = tmp_path / "actuals.csv"
        actuals.write_text("target,region,month,value\nT1,east-a,2026-07,10\n", encoding="utf-8")
        before = snapshot(tmp_path)
        proc = _review(plan, actuals, "-o", str(plan if which == "plan" else actuals), "--force")
        assert snapshot(tmp_path) == before
        assert_clean(proc, 2)
