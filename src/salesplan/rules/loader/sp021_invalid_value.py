"""A value of the wrong type or outside its allowed values (an unknown scenario, a list where a
number belongs, a probability of 9).

Reported by the loader, before the lint rules run.

Failing example::

    risks:
      - id: R1
        description: 竞品降价
        probability: 9
        impact: severe

Passing example::

    risks:
      - id: R1
        description: 竞品降价
        probability: medium
        impact: severe
"""

from salesplan import codes

CODE = codes.INVALID_VALUE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
