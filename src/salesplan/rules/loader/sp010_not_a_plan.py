"""The file is empty or its top level is not a mapping with `salesplan:`. When lint walks a
folder such YAML files are skipped silently; a file named on the command line is reported.

Reported by the loader, before the lint rules run.

Failing example::

    name: ci
    on: [push]

Passing example::

    salesplan: 1
    plan: {name: Q3, period: {start: 2026-07-01, end: 2026-09-30}}
"""

from salesplan import codes

CODE = codes.NOT_A_PLAN
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
