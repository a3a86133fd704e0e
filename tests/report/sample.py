"""A lint result built by hand (not through YAML): the input of every renderer's golden output."""

from __future__ import annotations

from pathlib import Path

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.lint.result import FileResult, LintResult
from salesplan.report import RenderOptions

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path("/repo")
FORMATS = {"text": "txt", "json": "json", "github": "txt", "sarif": "sarif.json"}


def sample_result() -> LintResult:
    plan = "plans/华东 q3.yaml"
    diagnostics = [
        Diagnostic(
            code="SP105",
            severity=Severity.ERROR,
            message="target 'T1' deadline 2026-12-31 is outside the plan period 2026-07-01 – 2026-09-30",
            message_zh="目标 'T1' 的时间节点 2026-12-31 不在计划周期 2026-07-01 至 2026-09-30 内",
            source=SourceRef(plan, 12, 15, 12, 25),
            path=("targets", 0, "deadline"),
            hint="move the deadline into the period, or widen the plan's period",
            name="target-not-time-bound",
            hint_zh="把时间节点移到计划周期内，或扩大计划周期",
        ),
        Diagnostic(
            code="SP303",
            severity=Severity.WARNING,
            message="risk 'R2' (high × moderate = 15, high) has no trigger: 50%, a,b\nsecond line",
            message_zh="风险 'R2'（高 × 一般 = 15，高）缺少预警信号（trigger）",
            source=SourceRef(plan, 20, 5, 26, 3),
            path=("risks", 1),
            hint="add `trigger:` — the signal that the risk is about to fire",
            name="risk-without-trigger",
        ),
        Diagnostic(
            code="SP004",
            severity=Severity.ERROR,
            message="YAML syntax error: found character '\\t' that cannot start any token",
            source=SourceRef("bad,name:1%.yaml", 3, 1),
            hint="YAML forbids tabs for indentation: indent with spaces",
            name="yaml-syntax",
        ),
        Diagnostic(
            code="SP101",
            severity=Severity.NOTICE,
            message="name '\x1b[31mred\x1b[0m' is vague",
            message_zh="名称 '\x1b[31mred\x1b[0m' 含糊",
            source=SourceRef(plan, 7, 11, 7, 30),
            path=("targets", 0, "name"),
            name="target-not-specific",
        ),
    ]
    lines = {
        plan: {12: "    deadline: 2026-12-31", 20: "  - id: R2", 7: "    name: \x1b[31m提升\tred\x1b[0m 业绩"},
        "bad,name:1%.yaml": {3: "\tcurrency: CNY"},
    }
    return LintResult(
        files=[
            FileResult(plan, [d for d in diagnostics if d.file == plan], lines[plan], suppressed=1),
            FileResult("bad,name:1%.yaml", [d for d in diagnostics if d.file != plan], lines["bad,name:1%.yaml"]),
            FileResult("plans/clean.yaml"),
        ]
    )


def golden_path(fmt: str, lang: str) -> Path:
    return GOLDEN / f"{fmt}.{lang}.{FORMATS[fmt]}"


def normalised(text: str) -> str:
    """The output with the tool's version replaced, so that a release does not change the golden files."""
    from salesplan import __version__

    return text.replace(f'"version": "{__version__}"', '"version": "VERSION"')


def options(lang: str) -> RenderOptions:
    return RenderOptions(lang=lang, color=False, root=ROOT)
