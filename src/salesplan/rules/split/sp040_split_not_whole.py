"""A value to split is not a whole multiple of the target's granularity, so no breakdown into
whole units can add up to it.

Every part of a breakdown is a whole multiple of the target's `granularity` (default 1 in the
target's unit) and the parts add up to their parent exactly; 500 cannot be cut into parts of 3.
Reported by the split engine (`salesplan split`, and `salesplan lint` through SP203).

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        granularity: 3
        split:
          - {by: region}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        granularity: 5
        split:
          - {by: region}
"""

from salesplan import codes

CODE = codes.NOT_WHOLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
