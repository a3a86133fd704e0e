"""A text is longer than Excel's 32,767 characters per cell: the cell is cut and ends in
…[truncated] (…[截断]).

Keep long descriptions in the plan file or a linked document and a summary in the field.

A warning of `salesplan export` (and of the review workbook): the file is still written, with
the change visible in it, and the warning points at the plan value.

Failing example::

    targets:
      - id: T1
        value: 100
        path: long path text long path text …  # 33,000 characters

Passing example::

    targets:
      - id: T1
        value: 100
        path: 重点客户季度拜访 + 新品试用
"""

from salesplan import codes

CODE = codes.CELL_TEXT_CUT
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
