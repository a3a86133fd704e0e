"""A total is derived, never input: a budget total or subtotal typed over with another number than
the sum of its parts, a breakdown total typed over while its parts were edited too and do not add
up to it, or a formula typed into an input cell (salesplan does not compute formulas).

A cell import does not read at all (拆解逻辑, a part's 责任人, 风险等级, a task's 策略模块, the heat map,
the timeline) that differs from what export writes for the embedded plan is a warning: the edit is
not imported, and the import goes on.

Failing example::

    # 销售策略执行计划表, the total of the budgets (=SUM(G2,G5,G7))
    G9: 999

Passing example::

    G9: =SUM(G2,G5,G7)
"""

from salesplan import codes

CODE = codes.IMPORT_TOTAL
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
