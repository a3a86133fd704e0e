"""A rate target (unit %) is split: rates do not add up, so no parts can sum to it.

Split the counts behind the rate (leads and deals for a conversion rate) and let the rate follow.
Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        metric: conversion_rate
        value: 18%
        split:
          - {by: region}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        metric: conversion_rate
        value: 18%
"""

from salesplan import codes

CODE = codes.NOT_ADDITIVE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
