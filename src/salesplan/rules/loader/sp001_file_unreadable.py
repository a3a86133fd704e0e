"""The file cannot be read: it does not exist, is a folder, or permission is denied.

Lint exits with status 2 when a file cannot be read; the other files are still checked.

Reported by the loader, before the lint rules run.

Failing example::

    $ salesplan lint plans/q3.yaml      # plans/q3.yaml was moved or is not readable

Passing example::

    $ salesplan lint plans/q3.yml       # the path of a readable plan file
"""

from salesplan import codes

CODE = codes.FILE_UNREADABLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
