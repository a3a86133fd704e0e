"""A level has no parts: an empty `parts:` list, or a region or product level in a team that
defines none.

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
