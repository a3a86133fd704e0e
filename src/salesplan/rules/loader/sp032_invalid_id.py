"""An id contains whitespace, control or invisible characters (a zero-width space pasted from a
chat app makes `K3` and `K<U+200B>3` look the same).

Reported by the loader, before the lint rules run.

Failing example::

    tasks:
      - id: "K 3"

Passing example::

    tasks:
      - id: K3
"""

from salesplan import codes

CODE = codes.INVALID_ID
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
