"""The method cannot split this kind of level: `capacity` splits reps, `history` regions and
products, `workdays` time levels.

The message lists the methods the level can use. Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: capacity}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: even}
"""

from salesplan import codes

CODE = codes.METHOD_NOT_APPLICABLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
