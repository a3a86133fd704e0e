"""A child plan's period is not within its parent plan's period.

A regional plan for 2026 cannot carry a part of a national plan for the first half of 2026.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2027-03-31}}
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

CODE = codes.ROLLUP_PERIOD_OUTSIDE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
