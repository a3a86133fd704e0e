"""A suppression comment that suppresses nothing is reported, so stale ones do not pile up.

A finding is suppressed by `# salesplan: ignore[CODE] reason` on its line or alone on the line
above it; several codes are separated by commas. A comment whose codes match no finding there,
or that names an unknown code, is reported here. Suppressions of codes that are not selected
are left alone (they may serve another configuration).

Failing example::

    targets:
      - id: T1
        deadline: 2026-09-30  # salesplan: ignore[SP105] the deadline is fine now

Passing example::

    targets:
      - id: T1
        # salesplan: ignore[SP102] satisfaction has no unit in our survey
        metric: satisfaction
"""

CODE = "SP900"
NAME = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "A `# salesplan: ignore[CODE]` comment that suppresses nothing."
