"""The file is not well-formed YAML: a tab used for indentation, an unclosed quote or bracket,
a bad indent, a second document after `---`. The diagnostic points at where the problem starts
and says it in plain Chinese or English, with a hint (the parser's own English is quoted only
in the English message, and only for a problem salesplan does not know).

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
