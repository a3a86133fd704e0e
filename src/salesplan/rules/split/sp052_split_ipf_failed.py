"""Iterative proportional fitting cannot meet both margins: the seed (history) has a row or
column of zeros where a margin asks for more than zero.

Reported by the split engine, at the margins.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
      products: [{id: device}, {id: consumable}]
    history:
      revenue:
        east-a: {device: 150, consumable: 100}
        east-b: {device: 0, consumable: 0}
    targets:
      - id: T1
        value: 500
        split:
          - by: [region, product]
            method: ipf
            margins: {region: {east-a: 300, east-b: 200}, product: {device: 260, consumable: 240}}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
      products: [{id: device}, {id: consumable}]
    history:
      revenue:
        east-a: {device: 150, consumable: 100}
        east-b: {device: 100, consumable: 50}
    targets:
      - id: T1
        value: 500
        split:
          - by: [region, product]
            method: ipf
            margins: {region: {east-a: 300, east-b: 200}, product: {device: 260, consumable: 240}}
"""

from salesplan import codes

CODE = codes.IPF_FAILED
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
