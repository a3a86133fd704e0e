"""A date that does not exist (2026-02-30) or is not written YYYY-MM-DD.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - id: T1
        deadline: 2026-02-30

Passing example::

    targets:
      - id: T1
        deadline: 2026-02-28
"""

from salesplan import codes

CODE = codes.INVALID_DATE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
