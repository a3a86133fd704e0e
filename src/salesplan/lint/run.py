"""Linting many files: in order, or over a pool of forked workers when there are many of them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence

from salesplan.lint.check import lint_file
from salesplan.lint.config import LintConfig
from salesplan.lint.discover import Candidate
from salesplan.lint.relate import relate
from salesplan.lint.result import FileResult, LintResult

PARALLEL_FROM = 64  # below this, starting workers costs more than it saves

Progress = Callable[[int, int], None]
_job: tuple[LintConfig, bool] | None = None  # set before forking: workers inherit it


def _work(candidate: Candidate) -> FileResult | None:
    assert _job is not None
    return lint_file(candidate, *_job)


def _jobs(requested: int | None, count: int) -> int:
    if requested is not None:
        return max(1, requested)
    if count < PARALLEL_FROM:
        return 1
    import multiprocessing  # only here: a few files, as pre-commit passes, need no pool

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(usable_cpus(), 8)


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _results(candidates: Sequence[Candidate], jobs: int) -> Iterator[FileResult | None]:
    if jobs <= 1:
        yield from (_work(c) for c in candidates)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_work, candidates, chunksize=max(1, min(32, len(candidates) // (jobs * 8))))


def lint_files(
    candidates: Iterable[Candidate],
    config: LintConfig,
    *,
    skip_non_plans: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    require_children: bool | None = None,
) -> LintResult:
    """Lint every candidate, then the roll-up relations across them (`require_children`: also report
    parent parts without a child; None reads the `rollup.require-children` setting). Skipped files
    (YAML that is not a plan) are left out of the result."""
    global _job
    todo = list(candidates)
    _job = (config, skip_non_plans)
    result = LintResult()
    for done, file_result in enumerate(_results(todo, _jobs(jobs, len(todo))), start=1):
        if file_result is not None:
            result.files.append(file_result)
        if progress is not None:
            progress(done, len(todo))
    relate(result, config, require_children)
    return result
