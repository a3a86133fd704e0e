"""Review speed and memory: a 120,000-leaf plan against 100,000 (or 1,000,000) actuals rows, beside the csv module.

    python bench/bench_review.py [--leaves 120000] [--actuals 100000] [--runs 3]

The plan is bench_split's (regions × products × reps × 50 weeks); the actuals are a CSV of one sale a
row (region, product, rep, date, amount) spread over the weeks up to the as-of date, so the weekly
re-planning alerts have periods to look at. The baseline reads the same file with the csv module and
sums the amounts (Decimal), in the same run. Each figure is a fresh process (`salesplan review -f json`
for the review), its wall time and peak RSS (resource.getrusage of the child). `measure()` is what
bench/run.py calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_split  # type: ignore[import-not-found]

BIN = Path(sys.executable).parent
AS_OF = "2026-10-31"
_CHILD = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
took = time.perf_counter() - start
if done.returncode not in (0, 1):
    sys.exit(done.stderr[-800:])
print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
_CSV_READ = """
import csv, sys
from decimal import Decimal
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    rows = csv.reader(handle)
    header = next(rows)
    total = sum((Decimal(row[4]) for row in rows), Decimal(0))
print(total)
"""


def timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `args` run as a fresh process."""
    out = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, check=True).stdout
    seconds, kib = out.split()
    return float(seconds), int(kib) / 1024


def write_actuals(path: Path, leaves: int, count: int) -> None:
    """`count` sales rows over the plan's regions, products and reps, dated up to the as-of date."""
    regions, products, reps = bench_split.shape(leaves)
    first = dt.date(2026, 1, 5)
    days = (dt.date.fromisoformat(AS_OF) - first).days + 1
    lines = ["区域,产品,销售代表,日期,金额"]
    for i in range(count):
        r, p, k = i % regions, (i // regions) % products, (i // (regions * products)) % reps
        k -= k % 5 == 4  # every fifth rep starts mid-year (bench_split): book to reps on the team all year
        day = first + dt.timedelta(days=(i * 7919) % days)
        lines.append(f"r{r},p{p},r{r}-rep{k},{day.isoformat()},{100 + i % 900}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(leaves: int = 120_000, actuals: int = 100_000, runs: int = 3) -> dict[str, float]:
    """Medians of the review and the csv-module read (seconds), and their peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.yaml"
        plan.write_text(bench_split.plan_text(*bench_split.shape(leaves)), encoding="utf-8")
        data = Path(tmp) / "actuals.csv"
        write_actuals(data, leaves, actuals)
        review = [str(BIN / "salesplan"), "review", str(plan), "-a", str(data), "--as-of", AS_OF, "-f", "json"]
        figures: dict[str, list[float]] = {"review": [], "review_mb": [], "csv": [], "csv_mb": []}
        for _ in range(runs):  # interleaved, so load on the machine hits both alike
            seconds, mb = timed([sys.executable, "-c", _CSV_READ, str(data)])
            figures["csv"].append(seconds)
            figures["csv_mb"].append(mb)
            seconds, mb = timed(review)
            figures["review"].append(seconds)
            figures["review_mb"].append(mb)
    return {key: statistics.median(values) for key, values in figures.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leaves", type=int, default=120_000)
    parser.add_argument("--actuals", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    r = measure(args.leaves, args.actuals, args.runs)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"review {args.leaves:,} leaves, {args.actuals:,} actuals: {r['review']:.2f} s, peak {r['review_mb']:.0f} MB")
    print(f"csv module read of the same file:  {r['csv']:.2f} s, peak {r['csv_mb']:.0f} MB")
    print(f"ratio {r['review'] / r['csv']:.1f}×  (bench took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
