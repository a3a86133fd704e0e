"""A part of a `weights` level has no weight, or a method lacks its `weights`, `values` or `margins`.

A part left out would silently get nothing; write its weight, 0 included, so the breakdown says
what was meant. Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 3}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 3, east-b: 0}}
"""

from salesplan import codes

CODE = codes.MISSING_WEIGHT
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
