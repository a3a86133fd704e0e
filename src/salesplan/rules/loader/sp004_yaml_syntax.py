"""The file is not well-formed YAML: a tab used for indentation, an unclosed quote or bracket,
a bad indent. The diagnostic points at where the problem starts.

Reported by the loader, before the lint rules run.

Failing example::

    plan:
      name: "华东大区
      period: {start: 2026-07-01, end: 2026-09-30}

Passing example::

    plan:
      name: "华东大区"
      period: {start: 2026-07-01, end: 2026-09-30}
"""

from salesplan import codes

CODE = codes.YAML_SYNTAX
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
