"""A cell does not hold what its column reads: a number (`320`, `1,234`, `３２０`, `3.2万`,
`18%`), a day (a date cell, a serial, `2026/7/1`, `2026年7月1日`), or a value a row needs.

A value the plan cannot take is refused at its cell too: a negative part, budget or cross-tab
number, a task ending before it starts, a required field emptied (a task's name, a risk's
description).

Failing example::

    # 销售目标设定与拆解表
    C6: 二十九

Passing example::

    C6: 29
"""

from salesplan import codes

CODE = codes.IMPORT_BAD_VALUE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
