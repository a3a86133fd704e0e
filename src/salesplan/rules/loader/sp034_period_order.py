"""A period ends before it starts (the plan's period, a person's active dates).

Reported by the loader, before the lint rules run.

Failing example::

    plan:
      period: {start: 2026-09-30, end: 2026-07-01}

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
"""

from salesplan import codes

CODE = codes.PERIOD_ORDER
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
