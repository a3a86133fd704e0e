"""`salesplan:` names a format version this tool does not read (this version reads format 1).

Reported by the loader, before the lint rules run.

Failing example::

    salesplan: 2

Passing example::

    salesplan: 1
"""

from salesplan import codes

CODE = codes.UNSUPPORTED_VERSION
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
