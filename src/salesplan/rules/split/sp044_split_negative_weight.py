"""A weight, an explicit value or a margin is negative: a part cannot carry less than nothing.

Reported by the split engine, at the negative number.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: -1, east-b: 2}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: weights, weights: {east-a: 0, east-b: 2}}
"""

from salesplan import codes

CODE = codes.NEGATIVE_WEIGHT
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
