"""Explicit values (or an ipf level's margins) do not add up to the value they split.

`method: explicit` under another level gives every node of that level the same values, which must
add up to the node exactly (SP201 checks the first level against the target itself). The message
names the node and both sums. Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
      products: [{id: device}, {id: consumable}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: product, method: explicit, values: {device: 100, consumable: 100}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
      products: [{id: device}, {id: consumable}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: product, method: explicit, values: {device: 150, consumable: 100}}
"""

from salesplan import codes

CODE = codes.SUM_MISMATCH
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
