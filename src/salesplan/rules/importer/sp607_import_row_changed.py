"""A row no longer shows the item it was exported for: a part of a breakdown re-labelled, a row
added or deleted (the rows below it moved), the total row moved. Rows are matched to the plan by
their place; add or rename targets, parts, tasks and risks in the plan file, then export again.

Failing example::

    # 销售目标设定与拆解表, the row of rep 李雷
    B43: 王五

Passing example::

    B43: 李雷
"""

from salesplan import codes

CODE = codes.IMPORT_ROW_CHANGED
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
