"""Benchmark of the pre-commit path: `salesplan lint ONE_FILE` beside `yamllint ONE_FILE`, in one run.

    .venv/bin/python bench/bench_precommit.py [--runs 15] [--file examples/reference/reference-plan.yaml]

pre-commit and editors run `salesplan lint` on one file at every commit and save, so its cost is
the start of the program far more than the lint. Each command runs `--runs` times, interleaved (one
run of each, then the next round) so that a busy machine slows them alike, after one warm-up run
each; the medians are reported with their ratio. Goal: salesplan within 1.5× of yamllint.

Both run with their bytecode cached, as installed tools do (a fresh PYTHONPYCACHEPREFIX, so a
PYTHONDONTWRITEBYTECODE in the environment cannot make one of them compile its sources every run).
Two more rows are floors. The plan-models floor: Python importing PyYAML and building the pydantic
models of the plan format, and nothing else (any lint that validates through salesplan's models pays
it). The pydantic floor: Python importing PyYAML and building one pydantic model of one integer
field (any program that validates with pydantic at all pays it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAN = REPO / "examples" / "reference" / "reference-plan.yaml"
GOAL = 1.5
_FLOOR = "import yaml, salesplan.model.plan"
_PYDANTIC_FLOOR = "import yaml, pydantic; pydantic.create_model('One', x=(int, ...))"


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        raise SystemExit(f"bench: {name} is not installed (pip install -e '.[bench]')")
    return which


def commands(plan: Path) -> dict[str, list[str]]:
    return {
        "salesplan": [_tool("salesplan"), "lint", str(plan)],
        "yamllint": [_tool("yamllint"), str(plan)],
        "floor": [sys.executable, "-c", _FLOOR],
        "pydantic": [sys.executable, "-c", _PYDANTIC_FLOOR],
    }


def _timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench: {Path(args[0]).name} failed ({done.returncode}): {done.stderr[-800:]}")
    return elapsed


def measure(runs: int, plan: Path = PLAN) -> dict[str, float]:
    """Median seconds of each command over `runs` interleaved runs, after one warm-up run each."""
    cmds = commands(plan)
    with tempfile.TemporaryDirectory(prefix="salesplan-bench-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"PYTHONPYCACHEPREFIX": cache, "NO_COLOR": "1"}
        env.pop("GITHUB_ACTIONS", None)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for args in cmds.values():
            _timed(args, env)
        for _ in range(runs):
            for name, args in cmds.items():
                times[name].append(_timed(args, env))
    return {name: statistics.median(values) for name, values in times.items()}


def report(result: dict[str, float], runs: int, plan: Path) -> str:
    ratio = result["salesplan"] / result["yamllint"]
    floor = result["floor"] / result["yamllint"]
    pydantic = result["pydantic"] / result["yamllint"]
    met = "yes" if ratio <= GOAL else "NO"
    return (
        f"pre-commit path on {plan.name}, median of {runs} runs\n\n"
        "| command | median | ÷ yamllint | goal | met |\n|---|---:|---:|---|---|\n"
        f"| salesplan lint ONE_FILE | {result['salesplan']:.3f} s | {ratio:.2f} | ≤ {GOAL} | {met} |\n"
        f"| yamllint ONE_FILE | {result['yamllint']:.3f} s | 1.00 | | |\n"
        f"| floor: python -c '{_FLOOR}' | {result['floor']:.3f} s | {floor:.2f} | | |\n"
        f'| pydantic floor: python -c "{_PYDANTIC_FLOOR}" | {result["pydantic"]:.3f} s | {pydantic:.2f} | | |\n'
    )


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command; the median is kept (default 15)")
    parser.add_argument("--file", type=Path, default=PLAN, help="the plan to lint (default: the reference plan)")
    args = parser.parse_args(argv)
    out(report(measure(args.runs, args.file), args.runs, args.file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
