"""The hostile-input corpus: bad plan files, each with the diagnostic it must produce.

Cases are built from the reference plan at test time (the large ones would bloat the repo):
`build(folder)` writes every case and returns them. `code` is the loader's code where the file
must not load; `None` marks files that load (BOM, injection text, huge split, cycle); those
hostile to a later stage carry `stage_code`, what that stage must say (the split engine's
SP053 for too many leaves, lint's SP403 for a dependency cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from repo_files import REFERENCE as REPO_REFERENCE

REFERENCE = REPO_REFERENCE


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    code: str | None  # loader diagnostic code, None when the file loads
    line: int | None = None
    col: int | None = None
    stage_code: str | None = None  # for files that load: the code a later stage must give


def reference() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def patched(old: str, new: str) -> str:
    text = reference()
    assert old in text, old
    return text.replace(old, new, 1)


def billion_laughs() -> str:
    lines = ["salesplan: 1", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def wrong_types() -> str:
    text = reference()
    for old, new in [
        ("value: 500", "value: {amount: 500}"),
        ("capacity: 160", "capacity: lots"),
        ("deadline: 2026-09-30\n    owner: 王芳", "deadline: soon\n    owner: 王芳"),
        ("strategies: [S1, S2]", "strategies: S1"),
        ("departments: [法务部]", "departments: 7"),
    ]:
        text = text.replace(old, new, 1)
    return text


def huge_split_tree() -> str:
    """About 10^7 leaves: 100 regions x 100 products x ~1,000 weeks over 20 years."""
    regions = "\n".join(f"    - {{id: r{i}}}" for i in range(100))
    products = "\n".join(f"    - {{id: p{i}}}" for i in range(100))
    return (
        "salesplan: 1\n"
        "plan: {name: huge, period: {start: 2026-01-01, end: 2045-12-31}, unit: 万元}\n"
        f"team:\n  regions:\n{regions}\n  products:\n{products}\n"
        "targets:\n"
        "  - id: T1\n    metric: revenue\n    value: 100000000\n"
        "    split:\n      - {by: region, method: even}\n      - {by: product, method: even}\n"
        "      - {by: week, method: even}\n"
    )


def many_values(n: int = 9000) -> str:
    """The reference plan with 9,000 valid tasks: about 117,000 values in under 1 MB, far below the size limit."""
    text = reference()
    head = text[: text.index("tasks:")]
    task = "  - {{id: K{i}, name: task {i}, strategy: S1, owner: 王芳, start: 2026-07-01, end: 2026-07-02}}"
    return head + "tasks:\n" + "\n".join(task.format(i=i) for i in range(n)) + "\n"


def task_cycle(n: int = 1000) -> str:
    tasks = []
    for i in range(n):
        dep = f"K{(i + 1) % n}"
        tasks.append(
            f"  - {{id: K{i}, name: task {i}, strategy: S1, owner: 王芳, start: 2026-07-01, end: 2026-07-02,"
            f" deliverable: done, depends_on: [{dep}]}}"
        )
    text = reference()
    head = text[: text.index("tasks:")]
    return head + "tasks:\n" + "\n".join(tasks) + "\n"


INJECTION = {
    "  name: 华东大区 2026 年第三季度销售计划": '  name: \'=HYPERLINK("http://x","click")\'',
    "    name: 第三季度销售额": "    name: '+1+1 | broken | table'",
    "    path: 深耕老客户，新增 3 家代理商": '    path: "@SUM(A1:A9)\\n::error file=x::pwned %0A \\e[31mred\\e[0m"',
    "    description: 竞品突然降价抢占核心客户": "    description: '-2+3 <script>alert(1)</script> ::warning::x'",
    "    deliverable: 签约 3 家代理商，合同归档": '    deliverable: "=1+2\\r\\n| a | b |"',
}


def injection() -> str:
    text = reference()
    for old, new in INJECTION.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def build(folder: Path) -> list[Case]:
    """Write every case into `folder`; return them with their expectations."""
    folder.mkdir(parents=True, exist_ok=True)

    def put(name: str, data: str | bytes) -> Path:
        path = folder / f"{name}.yaml"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    cases = [
        Case("tabs", put("tabs", patched("  currency: CNY", "\tcurrency: CNY")), "SP004", 10, 1),
        Case("unclosed-quote", put("unclosed-quote", patched("name: 华东大区", 'name: "华东大区')), "SP004", 7, 9),
        Case("unclosed-bracket", put("unclosed-bracket", patched("[S1, S2]", "[S1, S2")), "SP004", 51, 16),
        Case(
            "duplicate-key",
            put("duplicate-key", patched("    metric: revenue\n", "    metric: revenue\n" * 2)),
            "SP005",
            43,
            5,
        ),
        Case("billion-laughs", put("billion-laughs", billion_laughs()), "SP006"),
        Case("deep-nesting", put("deep-nesting", "salesplan: " + "[" * 50_000 + "]" * 50_000 + "\n"), "SP007"),
        Case("nan", put("nan", patched("value: 500", "value: .nan")), "SP008", 43, 12),
        Case("inf", put("inf", patched("baseline: 416.7", "baseline: -.inf")), "SP008", 45, 15),
        Case("400-digits", put("400-digits", patched("value: 500", "value: " + "7" * 400)), "SP008", 43, 12),
        Case(
            "no-such-date",
            put("no-such-date", patched("start: 2026-08-01\n    end", "start: 2026-02-30\n    end")),
            "SP009",
            150,
            12,
        ),
        Case("wrong-types", put("wrong-types", wrong_types()), "SP021", 43, 12),
        Case("unknown-keys", put("unknown-keys", patched("risks:", "risk:")), "SP020", 112, 1),
        Case("empty", put("empty", ""), "SP010", 1, 1),
        Case("nul-bytes", put("nul-bytes", b"\x00" * 4096), "SP003", 1, 1),
        Case("gbk", put("gbk", reference().encode("gb18030")), "SP003", 7, 9),
        Case("zero-width-id", put("zero-width-id", patched("  - id: K3", "  - id: K\u200b3")), "SP032", 156, 9),
        Case("control-char-id", put("control-char-id", patched("  - id: R3", '  - id: "R\\u00073"')), "SP032", 128, 9),
        Case("twenty-mb", put("twenty-mb", b"# " + b"x" * (20 * 1024 * 1024) + b"\n"), "SP002", 1, 1),
        Case("too-many-values", put("too-many-values", many_values()), "SP002"),
        Case("bom", put("bom", b"\xef\xbb\xbf" + reference().encode("utf-8")), None),
        Case("huge-split", put("huge-split", huge_split_tree()), None, stage_code="SP053"),
        Case("cycle-1000", put("cycle-1000", task_cycle()), None, stage_code="SP403"),
        Case("injection", put("injection", injection()), None),
    ]
    return cases
