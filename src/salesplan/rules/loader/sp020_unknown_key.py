"""A key that plan format 1 does not have, usually a typo; the message suggests the nearest key.

Reported by the loader, before the lint rules run.

Failing example::

    targts:
      - id: T1

Passing example::

    targets:
      - id: T1
"""

from salesplan import codes

CODE = codes.UNKNOWN_KEY
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
