"""A part of a rolled-up parent target has no child plan (reported with --require-children).

When a parent target has child plans, every part at the level they claim should have one. Off
unless asked: `salesplan lint --require-children`, or `require-children = true` under `[rollup]`
in salesplan.toml. The finding points at the parent target.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: east}}

Passing example::

    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: east}}
"""

from salesplan import codes

CODE = codes.ROLLUP_NO_CHILD
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
