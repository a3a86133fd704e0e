"""Two items of one kind share an id, so references to it are ambiguous.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - {id: T1, value: 500}
      - {id: T1, value: 30}

Passing example::

    targets:
      - {id: T1, value: 500}
      - {id: T2, value: 30}
"""

from salesplan import codes

CODE = codes.DUPLICATE_ID
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
