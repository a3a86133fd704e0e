"""A part has no history and so gets nothing by `method: history` (a warning: the breakdown
is made).

A new region or product has no last year; give it weights or explicit values instead, or add its
history. Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    history:
      revenue:
        east-a: 150
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

CODE = codes.HISTORY_MISSING_PART
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
