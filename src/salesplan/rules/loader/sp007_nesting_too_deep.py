"""Data nests deeper than 64 levels; a plan never does, and deep nesting can exhaust the stack.

Reported by the loader, before the lint rules run.

Failing example::

    x: [[[[[[[[[[ ... 65 levels of brackets ... ]]]]]]]]]]

Passing example::

    x: [[1]]
"""

from salesplan import codes

CODE = codes.NESTING_TOO_DEEP
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
