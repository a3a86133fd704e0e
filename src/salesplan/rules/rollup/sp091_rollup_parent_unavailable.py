"""The parent plan of `implements:` is missing, does not load or does not split.

`implements.plan` is the parent file's path relative to the child file. The finding points at it
and names the parent's first problem (its code and place); the parent's own findings are reported
where it is linted.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: nationall.yaml, target: T1, part: {region: east}}

Passing example::

    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: east}}
"""

from salesplan import codes

CODE = codes.ROLLUP_PARENT_UNAVAILABLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
