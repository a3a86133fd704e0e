"""A cell names what the plan does not know: a person who is not in `team.people` (by name or id),
a status, module, probability or impact that is not one of the words the sheet offers, a task a
task depends on.

Failing example::

    # 销售目标设定与拆解表, 责任人
    F2: 王五

Passing example::

    F2: 王芳
"""

from salesplan import codes

CODE = codes.IMPORT_UNKNOWN
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
