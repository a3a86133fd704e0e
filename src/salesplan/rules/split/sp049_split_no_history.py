"""`method: history` without usable history: no `history` section, no row for the target's
products, or history that is all zero.

Reported by the split engine, at the level.

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
