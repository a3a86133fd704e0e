"""Benchmark of the split engine: synthetic plans of about 10k, 100k and 200k leaves.

    .venv/bin/python bench/bench_split.py [--repeat 5]

Each plan covers 2026 and splits one target by region (history), product (weights), rep
(capacity, with caps) and ISO week (workdays): leaves = regions × products × reps per region × 53.
The 200k plan doubles the reps of the 100k one, so the ratio shows how time grows with the leaves.
Prints the median and minimum time of `split_plan` (loading is timed separately) and their ratios;
on a busy machine the minimum is the steadier figure.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path

from salesplan.loader import load_plan
from salesplan.split.engine import split_plan

SIZES = {"10k": (4, 4, 12), "100k": (10, 10, 19), "200k": (10, 10, 38)}  # regions, products, reps per region


def plan_text(regions: int, products: int, reps: int) -> str:
    lines = [
        "salesplan: 1",
        "plan: {name: bench, period: {start: 2026-01-01, end: 2026-12-31}, unit: 元}",
        "team:",
        "  regions:",
        *(f"    - {{id: r{i}, name: 区域{i}}}" for i in range(regions)),
        "  products:",
        *(f"    - {{id: p{j}, name: 产品{j}}}" for j in range(products)),
        "  people:",
    ]
    capacity = 0
    for i in range(regions):
        for k in range(reps):
            cap = 50_000 + 1_000 * ((i * 7 + k * 3) % 17)
            capacity += cap
            start = f", start: 2026-{1 + k % 12:02d}-15" if k % 5 == 4 else ""
            lines.append(f"    - {{id: r{i}-rep{k}, role: rep, region: r{i}, capacity: {cap}{start}}}")
    lines.append("history:\n  revenue:")
    for i in range(regions):
        row = ", ".join(f"p{j}: {100 + (i * 31 + j * 17) % 90}" for j in range(products))
        lines.append(f"    r{i}: {{{row}}}")
    weights = ", ".join(f"p{j}: {1 + j % 4}" for j in range(products))
    lines += [
        "targets:",
        "  - id: T",
        f"    value: {capacity * 6 // 10}",
        "    granularity: 100",
        "    split:",
        "      - {by: region, method: history}",
        f"      - {{by: product, method: weights, weights: {{{weights}}}}}",
        "      - {by: rep, method: capacity}",
        "      - {by: week, method: workdays}",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (median reported)")
    args = parser.parse_args()
    medians: dict[str, float] = {}
    minima: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (regions, products, reps) in SIZES.items():
            path = Path(tmp) / f"plan-{name}.yaml"
            path.write_text(plan_text(regions, products, reps), encoding="utf-8")
            started = time.perf_counter()
            loaded = load_plan(path)
            load_time = time.perf_counter() - started
            assert loaded.ok, [d.format() for d in loaded.diagnostics[:5]]
            times = []
            leaves = 0
            for _ in range(args.repeat):
                gc.collect()  # the previous run's garbage is not this run's cost
                started = time.perf_counter()
                outcome = split_plan(loaded)
                times.append(time.perf_counter() - started)
                assert not outcome.diagnostics, [d.format() for d in outcome.diagnostics[:5]]
                leaves = sum(1 for _ in outcome.splits[0].leaves())
                del outcome
            medians[name] = statistics.median(times)
            minima[name] = min(times)
            print(
                f"{name:>5}: {leaves:>7,} leaves  split median {medians[name]:.3f} s "
                f"(min {min(times):.3f}, max {max(times):.3f})  load {load_time:.3f} s"
            )
    for big, small, leaves_ratio in (("100k", "10k", 100_700 / 10_176), ("200k", "100k", 2.0)):
        print(
            f"ratio {big}/{small}: median {medians[big] / medians[small]:.2f}×, "
            f"min {minima[big] / minima[small]:.2f}×  (leaves ×{leaves_ratio:.1f})"
        )


if __name__ == "__main__":
    main()
