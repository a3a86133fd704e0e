"""The workbook is beyond the bounds salesplan reads: over 20 MB, over 2,000 zip parts, over 200 MB
unpacked, a part that expands more than 200 times (a zip bomb), or more than 2,000,000 cells.

Failing example::

    workbook: plan.xlsx   # 2,001 parts in its zip

Passing example::

    workbook: plan.xlsx   # as salesplan export wrote it
"""

from salesplan import codes

CODE = codes.IMPORT_TOO_LARGE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
