"""Every weight of a level (or of one of its parts, by history or capacity) is zero: there is
nothing to split the value by.

Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 0, east-b: 0}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 0, east-b: 1}}
"""

from salesplan import codes

CODE = codes.ZERO_WEIGHTS
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
