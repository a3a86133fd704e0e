"""Export speed and memory: a synthetic 100,000-row breakdown to xlsx and Markdown, against raw openpyxl.

    python bench/bench_export.py [--rows 100000] [--runs 3]

The baseline writes the very same cells (values, SUM formula strings, dates) with openpyxl's
write-only mode and nothing else, in the same run. Times are medians; the ratio is the goal
(≤ 1.3×). Peak memory is the peak RSS of a fresh process that builds the split and exports it
(goal ≤ 300 MB). `measure()` is what bench/run.py calls.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from salesplan.export.markdown import render_markdown  # noqa: E402
from salesplan.export.model import Document, Quantity  # noqa: E402
from salesplan.export.tables import build_document  # noqa: E402
from salesplan.export.xlsx import render_xlsx  # noqa: E402
from salesplan.export.xlsx_layout import sum_formula  # noqa: E402
from salesplan.loader import load_text  # noqa: E402
from salesplan.model.plan import Plan  # noqa: E402
from salesplan.split.result import Basis, SplitNode, TargetSplit  # noqa: E402

PLAN = """\
salesplan: 1
plan: {name: 压测计划, period: {start: 2026-01-01, end: 2026-12-31}, unit: 万元}
targets:
  - {id: T1, name: 全年销售额, kind: core, dimension: results, value: 0,
     deadline: 2026-12-31, owner: 王芳, path: 全员冲刺}
"""


def synthetic(rows: int) -> tuple[Plan, TargetSplit]:
    """One target split region (10) → product (10) → rep → month (12), about `rows` rows in all."""
    reps = max(1, round(rows / (10 * 10 * 13)))
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    month_basis = Basis("weights", Decimal(1), Decimal(12))
    rep_bases = [Basis("capacity", Decimal(100 + k), Decimal(reps * 105)) for k in range(10)]
    regions: list[SplitNode] = []
    for r in range(10):
        products: list[SplitNode] = []
        for p in range(10):
            people: list[SplitNode] = []
            for k in range(reps):
                leaves = [
                    SplitNode("month", m, Decimal(10 + (r + p + k + i) % 7), month_basis) for i, m in enumerate(months)
                ]
                value = sum((leaf.value for leaf in leaves), Decimal(0))
                people.append(SplitNode("rep", f"rep-{r}-{p}-{k}", value, rep_bases[k % 10], leaves, f"销售{r}{p}{k}"))
            value = sum((n.value for n in people), Decimal(0))
            products.append(SplitNode("product", f"p{p}", value, Basis("history", Decimal(p + 1), Decimal(55)), people))
        value = sum((n.value for n in products), Decimal(0))
        regions.append(SplitNode("region", f"r{r}", value, Basis("explicit"), products, f"区域{r}"))
    total = sum((n.value for n in regions), Decimal(0))
    root = SplitNode(None, None, total, Basis("total"), regions)
    loaded = load_text(PLAN.replace("value: 0", f"value: {total}"))
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan, TargetSplit("T1", "万元", total, ["region", "product", "rep", "month"], root)


def document(rows: int) -> Document:
    plan, split = synthetic(rows)
    return build_document(plan, ["breakdown"], "zh", [split])


def plain_rows(doc: Document) -> list[list[Any]]:
    """The cells the export writes, as plain values: what raw openpyxl gets to write."""
    table = doc.tables[0]
    out: list[list[Any]] = [table.headers]
    for row in table.rows:
        values: list[Any] = []
        for column, cell in enumerate(row.cells):
            if isinstance(cell, Quantity):
                formula = (
                    sum_formula("C", [i + 2 for i in row.sums]) if row.sums and column == table.sum_column else None
                )
                values.append(formula or cell.value)
            else:
                values.append(cell)
        out.append(values)
    return out


def raw_openpyxl(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("raw")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def raw_openpyxl_sheets(rows: list[list[Any]], per_sheet: int = 1_048_575) -> bytes:
    """`raw_openpyxl`, cut into sheets of Excel's row limit (the header repeated on each): the cells a table
    past 1,048,576 rows takes in salesplan's workbook."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    header, body = rows[0], rows[1:]
    for number, first in enumerate(range(0, max(1, len(body)), per_sheet), start=1):
        sheet = workbook.create_sheet(f"raw ({number})")
        sheet.append(header)
        for row in body[first : first + per_sheet]:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_mb(rows: int) -> float:
    """Peak RSS (MB) of a fresh process that builds the split, the table and the workbook."""
    code = (
        f"import sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import bench_export as b, resource;"
        f"b.render_xlsx(b.document({rows}));"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024  # Linux reports KiB


def measure(rows: int = 100_000, runs: int = 3) -> dict[str, float]:
    """Medians (seconds) of: raw openpyxl, xlsx export (table build + render), render alone, Markdown; peak MB."""
    plan, split = synthetic(rows)
    doc = build_document(plan, ["breakdown"], "zh", [split])
    plain = plain_rows(doc)
    times: dict[str, list[float]] = {"raw": [], "xlsx": [], "render": [], "build": [], "md": []}
    for _ in range(runs):  # interleaved, so load on the machine hits all alike
        times["raw"].append(_time(lambda: raw_openpyxl(plain)))
        start = time.perf_counter()
        built = build_document(plan, ["breakdown"], "zh", [split])
        times["build"].append(time.perf_counter() - start)
        times["render"].append(_time(partial(render_xlsx, built)))
        times["xlsx"].append(times["build"][-1] + times["render"][-1])
        times["md"].append(_time(partial(render_markdown, built)))
    result = {key: statistics.median(values) for key, values in times.items()}
    result["rows"] = float(len(doc.tables[0].rows))
    result["peak_mb"] = peak_mb(rows)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    r = measure(args.rows, args.runs)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"breakdown rows:           {int(r['rows']):,} (median of {args.runs} runs)")
    print(f"raw openpyxl write-only:  {r['raw']:.2f} s")
    print(f"xlsx export (build+write): {r['xlsx']:.2f} s  ratio {r['xlsx'] / r['raw']:.2f}× (goal ≤ 1.3×)")
    render_ratio = r["render"] / r["raw"]
    print(f"  of which table build:   {r['build']:.2f} s; render {r['render']:.2f} s (ratio {render_ratio:.2f}×)")
    print(f"markdown export:          {r['md']:.2f} s (+ the same table build)")
    print(f"peak RSS:                 {r['peak_mb']:.0f} MB (goal ≤ 300 MB)")


if __name__ == "__main__":
    main()
