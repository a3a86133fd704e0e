"""The body of `salesplan lint`, shared by the typer command (`salesplan.cli.lint_cmd`) and the plain
path that runs `salesplan lint FILE...` without typer (`salesplan.cli.argv.plain_lint`).

Only the standard library is imported at the top: the engine, settings and renderers are imported
when the lint runs, so the plain path pays for them and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from salesplan.cli.outcome import check_output, emit, refuse_settings, render_options

FORMATS = ("text", "json", "github", "sarif")
FAIL_ON = ("error", "warning", "notice")
LANGS = ("zh", "en")


@dataclass(frozen=True)
class LintRequest:
    """The options of one `salesplan lint` run, as plain values (None: not given)."""

    paths: list[Path] = field(default_factory=list)
    output_format: str | None = None
    output_file: Path | None = None
    force: bool = False
    lang: str = "zh"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    config: Path | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    smart: bool = False
    skip_non_plans: bool = False
    require_children: bool | None = None
    as_of: str | None = None  # `--as-of YYYY-MM-DD` as given (None: today)
    commitments: Path | None = None  # `--commitments FILE`: compared by SP205 (one plan file)


def _as_of(text: str | None, lang: str) -> dt.date | None:
    from salesplan.cli.outcome import fail
    from salesplan.i18n import _

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        fail(_("--as-of must be a date YYYY-MM-DD (got {text})", text=repr(text)), lang=lang)


def _check_commitments(path: Path, plans: list[str], lang: str) -> None:
    """A commitments file is one plan's: exit 2 unless one plan is linted and the file reads cleanly
    against its split (every problem printed, nothing written)."""
    from salesplan.cli.common import exit_on_errors
    from salesplan.cli.outcome import fail
    from salesplan.i18n import _
    from salesplan.loader import load_plan
    from salesplan.review.commit_read import filed_commitments
    from salesplan.split.engine import split_plan

    if len(plans) != 1:
        fail(
            _("--commitments belongs to one plan: lint one plan file with it (found {count})", count=len(plans)),
            lang=lang,
        )
    loaded = load_plan(plans[0])
    if loaded.plan is not None:
        outcome = split_plan(loaded)
        exit_on_errors(filed_commitments(path, loaded.plan, outcome.splits), lang, warnings=False)


def run_lint(request: LintRequest) -> int:
    """Lint, write the report, and return the exit code (exits 2 itself on a refused setting or output)."""
    from salesplan.lint import discover, lint_files
    from salesplan.report import RENDERERS
    from salesplan.report.progress import progress_bar
    from salesplan.report.smart import SMART_RENDERERS
    from salesplan.settings import SettingsError, load_config, resolve

    lang = request.lang
    targets = [str(p) for p in request.paths or [Path(".")]]
    start = Path(targets[0]) if Path(targets[0]).is_dir() else Path(targets[0]).parent
    try:
        settings = resolve(
            load_config(request.config, start),
            select=request.select,
            ignore=request.ignore,
            exclude=request.exclude,
            fail_on=request.fail_on,
        ).lint
    except SettingsError as exc:
        refuse_settings(exc, lang)
    if request.as_of is not None:
        settings = replace(settings, as_of=_as_of(request.as_of, lang))
    candidates = discover(targets, settings.exclude)
    check_output(request.output_file, request.force, [c.path for c in candidates], lang)
    if request.commitments is not None:
        _check_commitments(request.commitments, [c.path for c in candidates], lang)
        settings = replace(settings, commitments=request.commitments)
    with progress_bar(len(candidates)) as progress:
        result = lint_files(
            candidates,
            settings,
            skip_non_plans=request.skip_non_plans,
            progress=progress,
            require_children=request.require_children,
        )
    chosen = request.output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    options = render_options(lang, request.output_file)
    renderers = SMART_RENDERERS if request.smart else RENDERERS
    emit(renderers.render(chosen, result, options), request.output_file, request.force, lang)
    return result.exit_code(settings.fail_on, request.exit_zero)
