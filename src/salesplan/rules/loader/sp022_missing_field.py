"""A required field is absent (for example the plan's period, a target's value, a task's dates),
or written with nothing after its colon (`value:`, `value: null`, `value: ~`).

Reported by the loader, before the lint rules run.

Failing example::

    plan:
      name: 华东大区 Q3 销售计划

Passing example::

    plan:
      name: 华东大区 Q3 销售计划
      period: {start: 2026-07-01, end: 2026-09-30}
"""

from salesplan import codes

CODE = codes.MISSING_FIELD
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
