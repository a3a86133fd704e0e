"""`salesplan split --target` (or `review --target`) names a target the plan does not have.

The message lists the plan's target ids. Never reported by `salesplan lint`, which splits the
plan's own targets.

Failing example::

    # salesplan split plan.yaml --target T9
    targets:
      - id: T1
        value: 500

Passing example::

    # salesplan split plan.yaml --target T1
    targets:
      - id: T1
        value: 500
"""

from salesplan import codes

CODE = codes.UNKNOWN_TARGET
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
