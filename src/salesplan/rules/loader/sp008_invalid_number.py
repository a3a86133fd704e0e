"""A number is not finite (.nan, .inf), has 18 or more digits before the point, or more than 10
decimal places. Amounts are exact decimals: salesplan keeps every digit it accepts, so it refuses
the ones it could not keep rather than round them silently. An amount string (`1.2亿`) is held to
the same bounds once scaled into the plan's unit.

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
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
