"""The file is over the 10 MB limit, or holds more than 100,000 values. A plan is a few kilobytes
with a few thousand values; a file this large is a mistake (an export, a log) or an attempt to
exhaust memory, and is not parsed (the value count is taken from the event stream, before any
data is built).

Reported by the loader, before the lint rules run.

Failing example::

    # a 12 MB file named plan.yaml (e.g. a data dump saved under the wrong name)

Passing example::

    salesplan: 1
    plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}}
"""

from salesplan import codes

CODE = codes.FILE_TOO_LARGE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
