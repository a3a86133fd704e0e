"""A total is derived, never input: a budget total or subtotal typed over with another number than
the sum of its parts, a breakdown total typed over while its parts were edited too and do not add
up to it, or a formula typed into an input cell (salesplan does not compute formulas).

Failing example::

    # 销售策略执行计划表, the total of the budgets (=SUM(G2,G5,G7))
    G9: 999

Passing example::

    G9: =SUM(G2,G5,G7)
"""

from salesplan import codes

CODE = codes.IMPORT_TOTAL
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
