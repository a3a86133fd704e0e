"""Benchmark of the split engine on synthetic plans of a chosen number of leaves.

    .venv/bin/python bench/bench_split.py [--runs 5] [--sizes 10000 100000 200000] [--no-binding]

The plan covers the 50 ISO weeks from Monday 2026-01-05 to Sunday 2026-12-20 and splits one
target by region (history), product (weights), rep (capacity, with caps; every fifth rep starts
mid-year, so caps are prorated) and week (workdays from the holiday calendar):
leaves = regions × products × reps per region × 50. Sizes are shaped as 10 regions × 10 products
when they allow it, so 200k has twice the reps of 100k and the ratio shows how time grows with
the leaves.

`measure(leaves, runs)` is the median of `runs` full splits (`split_plan`, in process; the plan is
loaded once, outside the timing). `main()` prints, per size, the median, minimum and maximum wall
time and the median CPU time (steadier on a busy machine), the loading and JSON rendering times
(for reference, not part of the goal), then the ratios — for this plan and for a harder variant
where rounding week by week would break reps' caps (`binding`).
The goal: 100,000 leaves in about a second, and doubling the leaves at most ~2.2× the time.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from salesplan.diagnostics import Severity
from salesplan.loader import LoadedPlan, load_plan
from salesplan.split.engine import split_plan
from salesplan.split.render import render_json

WEEKS = 50  # 2026-W02 .. 2026-W51
DEFAULT_SIZES = (10_000, 100_000, 200_000)


def shape(leaves: int) -> tuple[int, int, int]:
    """(regions, products, reps per region) whose product times WEEKS is `leaves`, or as near as can be."""
    units = max(1, round(leaves / WEEKS))
    regions = max(d for d in range(1, 11) if units % d == 0)
    products = max(d for d in range(1, 11) if (units // regions) % d == 0)
    return regions, products, units // (regions * products)


def plan_text(regions: int, products: int, reps: int, binding: bool = False) -> str:
    """A plan whose one target splits into regions × products × reps × 50 leaves.

    `binding`: the harder variant — regions weighted by their reps' capacity, weeks before reps and
    the target at 85% of capacity, so that rounding week by week would break caps and the capacity
    level is rounded as a whole (`salesplan.split.capacity_round`).
    """
    lines = [
        "salesplan: 1",
        "plan: {name: bench, period: {start: 2026-01-05, end: 2026-12-20}, unit: 元}",
        "team:",
        "  regions:",
        *(f"    - {{id: r{i}, name: 区域{i}}}" for i in range(regions)),
        "  products:",
        *(f"    - {{id: p{j}, name: 产品{j}}}" for j in range(products)),
        "  people:",
    ]
    capacity = 0
    by_region: dict[str, int] = {}
    for i in range(regions):
        for k in range(reps):
            cap = 50_000 + 1_000 * ((i * 7 + k * 3) % 17)
            capacity += cap
            by_region[f"r{i}"] = by_region.get(f"r{i}", 0) + cap
            start = f", start: 2026-{1 + k % 12:02d}-15" if k % 5 == 4 else ""
            lines.append(f"    - {{id: r{i}-rep{k}, role: rep, region: r{i}, capacity: {cap}{start}}}")
    lines.append("history:\n  revenue:")
    for i in range(regions):
        row = ", ".join(f"p{j}: {100 + (i * 31 + j * 17) % 90}" for j in range(products))
        lines.append(f"    r{i}: {{{row}}}")
    weights = ", ".join(f"p{j}: {1 + j % 4}" for j in range(products))
    regions_level = "{by: region, method: history}"
    rep_and_week = ["{by: rep, method: capacity}", "{by: week, method: workdays}"]
    if binding:
        region_weights = ", ".join(f"{r}: {c}" for r, c in by_region.items())
        regions_level = f"{{by: region, method: weights, weights: {{{region_weights}}}}}"
        rep_and_week.reverse()
    lines += [
        "targets:",
        "  - id: T",
        f"    value: {capacity * (85 if binding else 60) // 100 // 100 * 100}",
        "    granularity: 100",
        "    split:",
        f"      - {regions_level}",
        f"      - {{by: product, method: weights, weights: {{{weights}}}}}",
        *(f"      - {level}" for level in rep_and_week),
    ]
    return "\n".join(lines) + "\n"


MONTHS = 12


def seasonal_text(leaves: int) -> str:
    """The planning-methods variant of about `leaves` leaves: region (history) → product (weights) →
    rep (capacity, every fifth rep ramping [30%, 60%] from a mid-year start) → month phased like last
    year's same months (`history.by_month` per region, `method: history`)."""
    regions, products = 10, 10
    reps = max(1, round(leaves / (regions * products * MONTHS)))
    base = plan_text(regions, products, reps).replace(
        "plan: {name: bench, period: {start: 2026-01-05, end: 2026-12-20}, unit: 元}",
        "plan: {name: bench, period: {start: 2026-01-01, end: 2026-12-31}, unit: 元}",
    )
    base = base.replace(", start: 2026-", ", ramp: [30%, 60%], start: 2026-")
    months = "\n".join(
        f"    r{i}: {{{', '.join(f'2025-{m:02d}: {90 + (i * 13 + m * 7) % 40}' for m in range(1, 13))}}}"
        for i in range(regions)
    )
    base = base.replace(
        "history:\n", "history:\n  period: {start: 2025-01-01, end: 2025-12-31}\n  by_month:\n" + months + "\n"
    )
    return base.replace("{by: week, method: workdays}", "{by: month, method: history}")


def load(leaves: int, binding: bool = False, seasonal: bool = False) -> LoadedPlan:
    """The synthetic plan of about `leaves` leaves, loaded (through a file, as the CLI does)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan-{leaves}.yaml"
        text = seasonal_text(leaves) if seasonal else plan_text(*shape(leaves), binding=binding)
        path.write_text(text, encoding="utf-8")
        loaded = load_plan(path)
    if not loaded.ok:
        raise RuntimeError("; ".join(d.format() for d in loaded.diagnostics[:5]))
    return loaded


def _timed_split(loaded: LoadedPlan) -> tuple[float, float, int]:
    """Wall and CPU seconds of one split, and its leaves."""
    gc.collect()  # the previous run's garbage is not this run's cost
    started, cpu = time.perf_counter(), time.process_time()
    outcome = split_plan(loaded)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    errors = [d for d in outcome.diagnostics if d.severity == Severity.ERROR]  # the seasonal plan warns (SP049)
    if errors or len(outcome.splits) != 1:
        raise RuntimeError("; ".join(d.format() for d in errors[:5]))
    return elapsed, cpu, sum(1 for _ in outcome.splits[0].leaves())


def measure(leaves: int, runs: int, binding: bool = False) -> float:
    """Median seconds of a full split of a synthetic plan of `leaves` leaves, in process."""
    loaded = load(leaves, binding)
    return statistics.median(_timed_split(loaded)[0] for _ in range(max(1, runs)))


time_split = measure  # the name bench/run.py calls


def _report(sizes: list[int], runs: int, binding: bool) -> None:
    medians: dict[int, float] = {}
    minima: dict[int, float] = {}
    cpus: dict[int, float] = {}
    actual: dict[int, int] = {}
    print("binding caps (capacity level rounded as a whole):" if binding else "the goal's plan:")
    for size in sizes:
        started = time.perf_counter()
        loaded = load(size, binding)
        load_time = time.perf_counter() - started
        times: list[float] = []
        cpu_times: list[float] = []
        for _ in range(max(1, runs)):
            elapsed, cpu, actual[size] = _timed_split(loaded)
            times.append(elapsed)
            cpu_times.append(cpu)
        medians[size], minima[size], cpus[size] = statistics.median(times), min(times), statistics.median(cpu_times)
        outcome = split_plan(loaded)
        started = time.perf_counter()
        render_json(outcome.splits)
        render_time = time.perf_counter() - started
        regions, products, reps = shape(size)
        print(
            f"{actual[size]:>9,} leaves ({regions}×{products}×{reps}×{WEEKS})  split median {medians[size]:.3f} s "
            f"(min {minima[size]:.3f}, max {max(times):.3f}, CPU {cpus[size]:.3f}, {len(times)} runs)  "
            f"load {load_time:.3f} s  json {render_time:.3f} s"
        )
        del outcome
    for small, big in itertools.pairwise(sizes):
        print(
            f"  ratio {actual[big]:,}/{actual[small]:,} leaves (×{actual[big] / actual[small]:.1f}): "
            f"median {medians[big] / medians[small]:.2f}×, min {minima[big] / minima[small]:.2f}×, "
            f"CPU {cpus[big] / cpus[small]:.2f}×"
        )


def _seasonal(sizes: list[int], runs: int) -> None:
    """The planning-methods plan beside the plain plan of the same size, alternated in one run."""
    for size in sizes:
        plain, seasonal = load(size), load(size, seasonal=True)
        plain_times: list[float] = []
        seasonal_times: list[float] = []
        leaves = (0, 0)
        for _ in range(max(1, runs)):
            p_wall, _p_cpu, p_leaves = _timed_split(plain)
            s_wall, _s_cpu, s_leaves = _timed_split(seasonal)
            plain_times.append(p_wall)
            seasonal_times.append(s_wall)
            leaves = (p_leaves, s_leaves)
        p, q = statistics.median(plain_times), statistics.median(seasonal_times)
        print(
            f"plain {leaves[0]:,} leaves {p:.3f} s · history-phased months + ramped reps {leaves[1]:,} leaves "
            f"{q:.3f} s · ratio {q / p:.2f}× (goal ≤ 2×, {max(1, runs)} runs each, medians)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per size (median reported)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="leaves per plan")
    parser.add_argument("--no-binding", action="store_true", help="skip the binding-caps variant")
    parser.add_argument(
        "--seasonal",
        action="store_true",
        help="also time history-phased months with ramped reps beside the plain plan (goal: within 2×)",
    )
    args = parser.parse_args(argv)
    if args.seasonal:
        _seasonal(args.sizes, args.runs)
        return
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python {platform.python_version()}"
    )
    _report(args.sizes, args.runs, binding=False)
    if not args.no_binding:
        _report(args.sizes, args.runs, binding=True)


if __name__ == "__main__":
    main()
