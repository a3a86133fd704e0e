"""A number has more than 15 significant digits, which Excel would round: the cell holds its
exact digits as text, and a total over it is written as its exact value instead of a SUM formula.

salesplan keeps every number exact; Excel keeps 15 digits.

A warning of `salesplan export` (and of the review workbook): the file is still written, with
the change visible in it, and the warning points at the plan value.

Failing example::

    plan:
      unit: 元
    targets:
      - id: T1
        value: 12345678901234568

Passing example::

    plan:
      unit: 元
    targets:
      - id: T1
        value: 123456789012346
"""

from salesplan import codes

CODE = codes.NUMBER_AS_TEXT
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
