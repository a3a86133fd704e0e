"""Plan text holds a character XML 1.0 forbids (a C0 control such as U+0001, U+FFFE/U+FFFF, a
lone surrogate): an xlsx cannot hold it, so the export shows U+FFFD (�) in its place.

Such characters come from copying out of other programs and are invisible on screen; YAML
writes them as escapes (`"\\x01"`).

A warning of `salesplan export` (and of the review workbook): the file is still written, with
the change visible in it, and the warning points at the plan value.

Failing example::

    plan:
      name: "第三季度\\x01计划"

Passing example::

    plan:
      name: 第三季度计划
"""

from salesplan import codes

CODE = codes.FORBIDDEN_CHARACTER
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
