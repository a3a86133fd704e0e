"""salesplan's benchmarks, side by side with their baselines in one run.

    python bench/run.py                 # full run: prints a table
    python bench/run.py --markdown F    # also writes the table as Markdown (the README's section)
    python bench/run.py --quick         # a small smoke run (CI may use it; it asserts nothing)

Every figure is a median of several runs, measured in the same run as its baseline, and
reported with the ratio: the goals in the issues are ratios, never absolute times. The data is
synthetic and built here: plan repos from the bundled examples with varied ids, and large
plans for split and export.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH))


@dataclass
class Row:
    group: str
    what: str
    seconds: float
    baseline: str = ""
    baseline_seconds: float | None = None
    goal: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_seconds:
            return self.seconds / self.baseline_seconds
        return None


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_cmd(args: list[str], ok_codes: tuple[int, ...] = (0, 1)) -> Callable[[], None]:
    def go() -> None:
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in ok_codes:
            raise SystemExit(f"bench: {' '.join(args[:3])} failed ({proc.returncode}): {proc.stderr[-500:]}")

    return go


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def bench_startup(runs: int, sample: Path) -> list[Row]:
    salesplan = tool("salesplan")
    py = median_time(run_cmd([sys.executable, "-c", "pass"]), runs)
    rows = []
    for flag in ("--help", "--version"):
        t = median_time(run_cmd([salesplan, flag]), runs)
        rows.append(Row("startup", f"salesplan {flag}", t, "python -c pass", py))
    yl = median_time(run_cmd([tool("yamllint"), "-d", "relaxed", str(sample)]), runs)
    t = median_time(run_cmd([salesplan, "--version"]), runs)
    rows.append(Row("startup", "salesplan --version", t, "yamllint (one file)", yl))
    return rows


def bench_lint(runs: int, count: int) -> list[Row]:
    import bench_lint  # type: ignore[import-not-found]

    t = bench_lint.measure(count, runs)
    what = f"lint {count:,} files"
    return [
        Row("lint", what, t["salesplan"], "yamllint", t["yamllint"], "≥ 3× faster (ratio ≤ 0.33)"),
        Row("lint", what, t["salesplan"], "check-jsonschema", t["check_jsonschema"], "≥ 5× faster (ratio ≤ 0.2)"),
        Row("lint", what, t["salesplan"], "PyYAML C loader, parse only", t["pyyaml"], "within 2× (ratio ≤ 2)"),
    ]


def bench_rollup(runs: int, count: int) -> list[Row]:
    import bench_lint  # type: ignore[import-not-found]

    t = bench_lint.measure_rollup(count, runs)
    what = f"lint {count:,} files with roll-up relations"
    return [Row("lint", what, t["related"], "the same files without relations", t["plain"], "≤ 1.5×")]


def bench_precommit(runs: int, sample: Path) -> list[Row]:
    import bench_precommit  # type: ignore[import-not-found]

    t = bench_precommit.measure(runs, sample)
    goal = f"within {bench_precommit.GOAL}× (ratio ≤ {bench_precommit.GOAL})"
    floor = (
        f"floor (python + PyYAML + the plan models) {t['floor']:.3f} s; "
        f"pydantic floor (python + PyYAML + a one-field pydantic model) {t['pydantic']:.3f} s"
    )
    what, baseline = "salesplan lint ONE_FILE", "yamllint ONE_FILE"
    return [Row("pre-commit", what, t["salesplan"], baseline, t["yamllint"], goal, floor)]


def bench_split(runs: int, sizes: list[int]) -> list[Row]:
    import bench_split  # type: ignore[import-not-found]

    rows: list[Row] = []
    # the plain plan, then the variant whose reps' caps bind (the capacity level rounded as a whole)
    for binding, label in ((False, ""), (True, ", binding caps")):
        previous: tuple[int, float] | None = None
        for leaves in sizes:
            t = bench_split.measure(leaves, runs, binding)
            goal = "100k in ~1 s" if leaves == 100_000 else ""
            row = Row("split", f"split {leaves:,} leaves{label}", t, goal=goal)
            if previous is not None and leaves == 2 * previous[0]:
                row.baseline, row.baseline_seconds = f"split {previous[0]:,} leaves{label}", previous[1]
                row.goal = "≤ 2.2×"
            rows.append(row)
            previous = (leaves, t)
    return rows


def bench_export(runs: int, rows_count: int) -> list[Row]:
    import bench_export  # type: ignore[import-not-found]

    result = bench_export.measure(rows_count, runs)
    return [
        Row(
            "export",
            f"xlsx {rows_count:,} rows",
            result["xlsx"],
            "raw openpyxl write-only",
            result["raw"],
            "≤ 1.3×",
            f"peak {result['peak_mb']:.0f} MB (goal ≤ 300 MB)",
        ),
        Row("export", f"markdown {rows_count:,} rows", result["md"], goal="~1 s"),
    ]


def bench_large(runs: int, leaves: int, xlsx_rows: int) -> list[Row]:
    """Streamed output of a large plan beside the engine's own work (time; peak memory in the note)."""
    import bench_large  # type: ignore[import-not-found]

    r = bench_large.measure_split(leaves, runs)
    engine, engine_mb = r["engine"], r["engine_mb"]
    baseline = f"split engine in process ({engine_mb:.0f} MB)"
    rows = []
    for fmt, what in (
        ("json", "split -f json"),
        ("csv", "split -f csv"),
        ("yaml", "split -f yaml"),
        ("md", "export -f md"),
    ):
        mb = r[f"{fmt}_mb"]
        goal = "peak ≤ 600 MB and ≤ 1.2× the engine's"
        note = f"peak {mb:.0f} MB ({mb / engine_mb:.2f}× the engine's)"
        rows.append(Row("large", f"{what} {leaves:,} leaves", r[fmt], baseline, engine, goal, note))
    x = bench_large.measure_xlsx(xlsx_rows, runs)
    note = f"peak {x['xlsx_mb']:.0f} MB (raw {x['raw_mb']:.0f} MB)"
    what = f"xlsx write {xlsx_rows:,} rows (2 sheets)" if xlsx_rows > 1_048_575 else f"xlsx write {xlsx_rows:,} rows"
    rows.append(Row("large", what, x["xlsx"], "raw openpyxl write-only", x["raw"], "≤ 1.3×", note))
    return rows


def bench_review(runs: int, leaves: int, actuals: list[int]) -> list[Row]:
    import bench_review  # type: ignore[import-not-found]

    rows = []
    for count in actuals:
        r = bench_review.measure(leaves, count, runs)
        goal = "≤ 5 s" if count <= 100_000 else "≤ 10 s, ≤ 1 GB"
        note = f"peak {r['review_mb']:.0f} MB (csv module {r['csv_mb']:.0f} MB)"
        what = f"review {leaves:,} leaves, {count:,} actuals"
        rows.append(Row("review", what, r["review"], "csv module read + sum", r["csv"], goal, note))
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| group | measured | median | baseline | baseline median | ratio | goal | note |",
        "|---|---|---:|---|---:|---:|---|---|",
    ]
    for r in rows:
        base = f"{r.baseline_seconds:.3f} s" if r.baseline_seconds else ""
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        lines.append(
            f"| {r.group} | {r.what} | {r.seconds:.3f} s | {r.baseline} | {base} | {ratio} | {r.goal} | {r.note} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} ({cpu})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each: a smoke test")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    groups = ["startup", "pre-commit", "lint", "split", "export", "large", "review"]
    parser.add_argument("--only", choices=groups, action="append")
    args = parser.parse_args()
    runs = 1 if args.quick else 5
    only = set(args.only or groups)
    sample = REPO / "examples" / "reference" / "reference-plan.yaml"
    rows: list[Row] = []
    if "startup" in only:
        rows += bench_startup(runs, sample)
    if "pre-commit" in only:
        rows += bench_precommit(3 if args.quick else 15, sample)
    if "lint" in only:
        rows += bench_lint(max(1, runs - 2), 50 if args.quick else 1000)
        rows += bench_rollup(max(1, runs - 2), 40 if args.quick else 1000)
    if "split" in only:
        rows += bench_split(runs, [1_000, 2_000] if args.quick else [10_000, 100_000, 200_000])
    if "export" in only:
        rows += bench_export(1 if args.quick else 3, 1_000 if args.quick else 100_000)
    if "large" in only:
        rows += bench_large(1, 20_000 if args.quick else 1_000_000, 2_000 if args.quick else 1_100_000)
    if "review" in only:
        sizes = [2_000] if args.quick else [100_000, 1_000_000]
        rows += bench_review(1 if args.quick else 3, 12_000 if args.quick else 120_000, sizes)
    text = f"Machine: {machine()}\n\n{table(rows)}\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
