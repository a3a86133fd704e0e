"""The breakdown would have more leaves than the limit (2,000,000 over the targets split at
once); nothing is built.

Leaves are counted from the level sizes before anything is built, so the refusal is immediate.
Split by month instead of week, or fewer dimensions. Reported by the split engine.

Failing example::

    plan:
      period: {start: 2026-01-01, end: 2426-12-31}
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: product}
          - {by: week}

Passing example::

    plan:
      period: {start: 2026-01-01, end: 2426-12-31}
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: product}
          - {by: month}
"""

from salesplan import codes

CODE = codes.TOO_MANY_LEAVES
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
