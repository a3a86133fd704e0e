"""The levels are out of order: a dimension repeats, or a time level is coarser than one
outside it (a quarter inside a month).

Reported by the split engine, at the level.

Failing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: month}
          - {by: quarter}

Passing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: quarter}
          - {by: month}
"""

from salesplan import codes

CODE = codes.LEVEL_ORDER
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
