"""Plans implement each other in a cycle.

A plan implements a part of a plan above it; a file that leads back to itself through
`implements:` is reported at each claim on the cycle.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: plan.yaml, target: E1}

Passing example::

    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: east}}
"""

from salesplan import codes

CODE = codes.ROLLUP_CYCLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
