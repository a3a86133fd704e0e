"""`implements:` names a part that is not in the parent target's split.

A part is a region, product, rep, channel, account or tier at any level of the parent's split
(`{region: east, product: device}`); the message names the parent's levels or the parts of the level.

Failing example::

    # national.yaml splits T1 (5000 万元) into east 3000 and west 2000
    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: north}}

Passing example::

    salesplan: 1
    plan: {name: East, period: {start: 2026-01-01, end: 2026-12-31}}
    targets:
      - id: E1
        value: 3000
        implements: {plan: national.yaml, target: T1, part: {region: east}}
"""

from salesplan import codes

CODE = codes.ROLLUP_UNKNOWN_PART
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
