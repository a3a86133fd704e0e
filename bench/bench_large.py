"""Large plans: peak memory and time of salesplan's streamed output beside its baseline, in one run.

    python bench/bench_large.py [--leaves 1000000] [--xlsx-rows 1100000] [--runs 1] [--json]

- `split -f json|csv|yaml -o FILE` of bench_split's plan of `leaves` leaves (regions × products ×
  reps × 50 weeks), each a fresh `salesplan split` process, beside a fresh process that loads the
  same plan and runs the split engine in process, keeping its tree (the engine's own cost): wall time
  and peak RSS of each. Goal: peak under 600 MB and within 1.2× of the engine's.
- `export -f md -o FILE` of the same plan (one breakdown row per node) beside the same engine process.
- xlsx: bench_export's synthetic breakdown of `xlsx_rows` rows (past Excel's 1,048,576, so it goes
  on a continuation sheet) written by salesplan's workbook writer beside raw openpyxl write-only of
  the same cells (sheets cut at the same row limit), each in a fresh process that first builds the
  table; the time is the writing alone, the peak RSS the process's.

Every figure is a median of `runs` fresh processes, interleaved with its baseline. `measure()` is
what bench/run.py calls.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

import bench_review  # type: ignore[import-not-found]
import bench_split  # type: ignore[import-not-found]

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
_ENGINE = """
import sys
from pathlib import Path
from salesplan.loader import load_plan
from salesplan.split.engine import split_plan
from salesplan.diagnostics import has_errors
outcome = split_plan(load_plan(Path(sys.argv[1])))
if not outcome.splits or has_errors(outcome.diagnostics):  # a failed split is no baseline
    sys.exit(f"split failed: {[d.code for d in outcome.diagnostics][:5]}")
"""
_XLSX = """
import io, resource, sys, time
sys.path.insert(0, sys.argv[1])
import bench_export as b
mode, rows = sys.argv[2], int(sys.argv[3])
doc = b.document(rows)
if mode == "raw":
    cells = b.plain_rows(doc)
    del doc
    start = time.perf_counter()
    b.raw_openpyxl_sheets(cells)
else:
    start = time.perf_counter()
    b.render_xlsx(doc)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _median(figures: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures)


def measure_split(leaves: int, runs: int = 1) -> dict[str, float]:
    """Seconds and peak MB of split -f json/csv/yaml and export -f md of a `leaves`-leaf plan, and of
    the engine in process (keys: engine, json, csv, yaml, md; each with `_mb`)."""
    figures: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.yaml"
        plan.write_text(bench_split.plan_text(*bench_split.shape(leaves)), encoding="utf-8")
        salesplan = str(BIN / "salesplan")
        commands = {
            "engine": [sys.executable, "-c", _ENGINE, str(plan)],
            **{
                fmt: [salesplan, "split", str(plan), "-f", fmt, "-o", str(Path(tmp) / f"out.{fmt}"), "--force"]
                for fmt in ("json", "csv", "yaml")
            },
            "md": [salesplan, "export", str(plan), "-f", "md", "-o", str(Path(tmp) / "out.md"), "--force"],
        }
        for _ in range(runs):  # interleaved, so load on the machine hits all alike
            for name, command in commands.items():
                figures.setdefault(name, []).append(bench_review.timed(command))
    out: dict[str, float] = {}
    for name, found in figures.items():
        out[name], out[f"{name}_mb"] = _median(found)
    return out


def _xlsx_child(mode: str, rows: int) -> tuple[float, float]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _XLSX, str(BENCH), mode, str(rows)], capture_output=True, text=True, check=True
    )
    seconds, kib = done.stdout.split()[-2:]
    return float(seconds), int(kib) / 1024


def measure_xlsx(rows: int, runs: int = 1) -> dict[str, float]:
    """Seconds of writing and peak MB of salesplan's xlsx writer and of raw openpyxl (keys: xlsx, raw)."""
    figures: dict[str, list[tuple[float, float]]] = {"raw": [], "xlsx": []}
    for _ in range(runs):
        figures["raw"].append(_xlsx_child("raw", rows))
        figures["xlsx"].append(_xlsx_child("xlsx", rows))
    out: dict[str, float] = {}
    for name, found in figures.items():
        out[name], out[f"{name}_mb"] = _median(found)
    return out


def measure(leaves: int = 1_000_000, xlsx_rows: int = 1_100_000, runs: int = 1) -> dict[str, float]:
    return {**measure_split(leaves, runs), **{f"xlsx_{k}": v for k, v in measure_xlsx(xlsx_rows, runs).items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leaves", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=1_100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    r = measure(args.leaves, args.xlsx_rows, args.runs)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"engine in process, {args.leaves:,} leaves: {r['engine']:.2f} s, peak {r['engine_mb']:.0f} MB")
    for name in ("json", "csv", "yaml", "md"):
        seconds, mb = r[name], r[f"{name}_mb"]
        print(
            f"{name:>5}: {seconds:.2f} s ({seconds / r['engine']:.2f}×), peak {mb:.0f} MB ({mb / r['engine_mb']:.2f}×)"
        )
    xlsx, raw = r["xlsx_xlsx"], r["xlsx_raw"]
    print(f"xlsx {args.xlsx_rows:,} rows: {xlsx:.2f} s, raw openpyxl {raw:.2f} s ({xlsx / raw:.2f}×)")
    print(f"  peak {r['xlsx_xlsx_mb']:.0f} MB, raw {r['xlsx_raw_mb']:.0f} MB")


if __name__ == "__main__":
    main()
