"""A level has no parts: an empty `parts:` list, a region, product, channel or account level in a
team that defines none, a tier the target's accounts do not have (or a tier level whose accounts
have no tier), or a node with no account of the level (a region without accounts under
`by: account`).

Reported by the split engine.

Failing example::

    team:
      products: [{id: device}, {id: consumable}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: product, parts: []}

Passing example::

    team:
      products: [{id: device}, {id: consumable}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: product, parts: [device]}
"""

from salesplan import codes

CODE = codes.EMPTY_LEVEL
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
