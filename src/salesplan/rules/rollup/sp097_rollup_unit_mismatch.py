"""A child target's unit cannot be converted to its parent target's unit.

元, 万元 and 亿元 convert exactly; a percent, a count (家) and money do not convert into each other.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        unit: 家
        implements: {plan: national.yaml, target: T1, part: {region: east}}

Passing example::

    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 30000000
        unit: 元
        implements: {plan: national.yaml, target: T1, part: {region: east}}
"""

from salesplan import codes

CODE = codes.ROLLUP_UNIT_MISMATCH
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
