"""A target's value differs from the part of the parent target it implements.

`implements:` says which part of a parent plan's target a target carries; the two numbers must be
equal exactly, after converting units (a child in 元 under a parent in 万元). The message names the
gap (`10 万元 short`) and the parent target's place (file:line:col). Reported by `salesplan lint`
when it checks the files of a run across each other.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 2990
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

CODE = codes.ROLLUP_VALUE_MISMATCH
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
