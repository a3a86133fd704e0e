"""Benchmark of `salesplan lint` on a plan repository, side by side with its baselines in one run.

    .venv/bin/python bench/bench_lint.py [--files 1000] [--runs 5]

Builds `--files` plan files (copies of examples/*.yaml whose ids are varied per copy: T1 becomes
T1-17 everywhere in copy 17) in a temporary folder, then times, as the user would run them, each
tool over the same files:

- `salesplan lint DIR` (every rule, split engine included);
- `yamllint -d relaxed DIR` (a YAML style linter: parses and checks every file);
- `check-jsonschema --schemafile <salesplan schema> FILES` (parses and validates the schema);
- bare parsing: one Python process loading every file with PyYAML's `CSafeLoader`.

With `--rollup`, it times instead `salesplan lint` on a repository of roll-up families (copies of
examples/rollup: a national plan and three regional plans implementing its parts), side by side
with the same files with their `implements:` lines removed: the cross-file check (each parent
loaded and split once per run) should keep the run within 1.5× of the one without relations.

Each tool runs `--runs` times, interleaved (one run of each, then the next round) so that a busy
machine slows them alike; the median seconds are reported with the ratios the goals are stated in:
salesplan ≥ 3× faster than yamllint, ≥ 5× faster than check-jsonschema, within 2× of the bare parse.
Needs the `bench` extra (yamllint, check-jsonschema): `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
BIN = Path(sys.executable).parent
TOOLS = ("salesplan", "yamllint", "check_jsonschema", "pyyaml")
GOALS = {"yamllint": ("≥ 3× faster", 1 / 3), "check_jsonschema": ("≥ 5× faster", 1 / 5), "pyyaml": ("within 2×", 2.0)}
_ID = re.compile(r"\b([TSRK]\d+)\b")  # target, strategy, risk and task ids of the examples
_IMPLEMENTS = re.compile(r"^ *implements: .*\n", re.MULTILINE)
_PARSE_ONLY = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        raise SystemExit(f"bench: {name} is not installed (pip install -e '.[bench]')")
    return which


def make_plans(root: Path, count: int) -> list[Path]:
    """`count` plan files under `root`, 50 to a folder, each a copy of an example with its own ids."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
    files = []
    for i in range(count):
        text = _ID.sub(lambda m, i=i: f"{m[1]}-{i}", texts[i % len(texts)])  # type: ignore[misc]
        path = root / f"team{i // 50:03d}" / f"plan{i:05d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def make_rollup(root: Path, count: int, relations: bool = True) -> list[Path]:
    """`count` plan files under `root`: copies of examples/rollup, one family (a national plan and
    its regions) to a folder; without `relations` the regional plans implement nothing."""
    family = sorted((EXAMPLES / "rollup").rglob("*.yaml"))
    texts = [(f.relative_to(EXAMPLES / "rollup"), f.read_text(encoding="utf-8")) for f in family]
    files = []
    for i in range(count):
        relative, text = texts[i % len(texts)]
        if not relations:
            text = _IMPLEMENTS.sub("", text)
        path = root / f"family{i // len(texts):04d}" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def measure_rollup(files: int, runs: int) -> dict[str, float]:
    """Median seconds of `salesplan lint` on `files` roll-up plan files with and without their
    relations, interleaved over `runs` runs."""
    with tempfile.TemporaryDirectory(prefix="salesplan-bench-") as tmp:
        roots = {"related": Path(tmp) / "related", "plain": Path(tmp) / "plain"}
        for name, root in roots.items():
            make_rollup(root, files, relations=name == "related")
        times: dict[str, list[float]] = {name: [] for name in roots}
        for _ in range(runs):
            for name, root in roots.items():
                times[name].append(_timed([_tool("salesplan"), "lint", "--exit-zero", str(root)]))
    return {name: statistics.median(values) for name, values in times.items()}


def commands(root: Path, files: list[Path], schema: Path) -> dict[str, list[str]]:
    names = [str(f) for f in files]
    return {
        "salesplan": [_tool("salesplan"), "lint", "--exit-zero", str(root)],
        "yamllint": [_tool("yamllint"), "-d", "relaxed", "-f", "parsable", str(root)],
        "check_jsonschema": [_tool("check-jsonschema"), "--schemafile", str(schema), *names],
        "pyyaml": [sys.executable, "-c", _PARSE_ONLY, *names],
    }


def _timed(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {Path(args[0]).name} failed ({done.returncode}): {done.stderr[-800:]}")
    return elapsed


def measure(files: int, runs: int) -> dict[str, float]:
    """Median seconds per tool over `runs` interleaved runs on `files` generated plan files."""
    with tempfile.TemporaryDirectory(prefix="salesplan-bench-") as tmp:
        root = Path(tmp) / "plans"
        plans = make_plans(root, files)
        schema = Path(tmp) / "plan.schema.json"
        subprocess.run([_tool("salesplan"), "schema", "-o", str(schema)], check=True, capture_output=True)
        cmds = commands(root, plans, schema)
        times: dict[str, list[float]] = {name: [] for name in TOOLS}
        for _ in range(runs):
            for name in TOOLS:
                times[name].append(_timed(cmds[name]))
    return {name: statistics.median(values) for name, values in times.items()}


def machine() -> str:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def report(result: dict[str, float], files: int, runs: int) -> str:
    lines = [
        f"salesplan lint on {files} plan files, median of {runs} runs — {machine()}",
        "",
        "| tool | median | salesplan ÷ tool | goal | met |",
        "|---|---:|---:|---|---|",
    ]
    for name in TOOLS:
        ratio = result["salesplan"] / result[name]
        goal, limit = GOALS.get(name, ("", 0.0))
        met = ("yes" if ratio <= limit else "NO") if goal else ""
        lines.append(f"| {name} | {result[name]:.2f} s | {ratio:.2f} | {goal} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="plan files to generate (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each tool; the median is kept (default 5)")
    parser.add_argument("--rollup", action="store_true", help="time lint with and without roll-up relations")
    args = parser.parse_args(argv)
    if args.rollup:
        related = measure_rollup(args.files, args.runs)
        ratio = related["related"] / related["plain"]
        out(
            f"salesplan lint on {args.files} plan files, median of {args.runs} runs — {machine()}\n\n"
            f"with roll-up relations {related['related']:.2f} s, without {related['plain']:.2f} s: "
            f"ratio {ratio:.2f} (goal ≤ 1.5, {'met' if ratio <= 1.5 else 'NOT met'})"
        )
        return 0
    result = measure(args.files, args.runs)
    out(report(result, args.files, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
