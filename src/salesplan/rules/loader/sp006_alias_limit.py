"""Anchors and aliases expand to more than 10,000 nodes (the "billion laughs" attack guard).

Reported by the loader, before the lint rules run.

Failing example::

    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]

Passing example::

    owner: &boss 王芳
    strategies:
      - {id: S1, name: 渠道深耕, owner: *boss}
"""

from salesplan import codes

CODE = codes.ALIAS_LIMIT
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
