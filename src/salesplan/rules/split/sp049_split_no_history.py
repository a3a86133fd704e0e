"""`method: history` without usable history: no `history` section, no row for the target's
products, or history that is all zero.

Reported by the split engine, at the level. At a month, quarter or week level, every month (or
week) of `history.by_month` that a node needs and the history lacks is reported, all at once, at
the row that lacks it: a missing month is never taken as zero.

As a warning, at the row of `history.by_month`: months phased by history among January or February
when the Spring Festival falls in the other month in the comparable year (2025-01-29, 2026-02-17),
so those months are not like this year's; phase the quarter, hold them with `values:` and
`rest: history`, or give them weights.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: history}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    history:
      revenue:
        east-a: 150
        east-b: 100
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: history}
"""

from salesplan import codes

CODE = codes.NO_HISTORY
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
