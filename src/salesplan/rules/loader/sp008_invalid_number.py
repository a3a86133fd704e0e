"""A number is not finite (.nan, .inf) or has more than 18 digits. Amounts are exact decimals.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - id: T1
        value: .nan

Passing example::

    targets:
      - id: T1
        value: 500
"""

from salesplan import codes

CODE = codes.INVALID_NUMBER
NAME, SUMMARY = codes.LOADER_CODES[CODE]
SEVERITY = "error"
