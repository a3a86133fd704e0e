"""A reference names an id that does not exist: an owner who is not in `team.people`, a strategy,
region, product or task that is not defined. The message suggests the nearest id.

Reported by the loader, before the lint rules run.

Failing example::

    team:
      people: [{id: 王芳, role: director}]
    risks:
      - {id: R1, description: 竞品降价, probability: high, impact: severe, response: 限时折扣, owner: 王小芳}

Passing example::

    team:
      people: [{id: 王芳, role: director}]
    risks:
      - {id: R1, description: 竞品降价, probability: high, impact: severe, response: 限时折扣, owner: 王芳}
"""

from salesplan import codes

CODE = codes.UNRESOLVED_REFERENCE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
