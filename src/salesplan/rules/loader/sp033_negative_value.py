"""A target value, baseline, budget or capacity is negative, or a granularity is not above zero.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - id: T1
        value: -500

Passing example::

    targets:
      - id: T1
        value: 500
"""

from salesplan import codes

CODE = codes.NEGATIVE_VALUE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
