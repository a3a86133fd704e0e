"""A mapping has the same key twice. YAML would silently keep the last value; salesplan refuses
the file instead so that no number is lost.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - id: T1
        value: 500
        value: 600

Passing example::

    targets:
      - id: T1
        value: 600
"""

from salesplan import codes

CODE = codes.DUPLICATE_KEY
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
