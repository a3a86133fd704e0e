"""An actuals row's region, product, rep, account, channel or its account's tier is not a part of its target's
scope or breakdown.

The row would count towards a target that does not cover it; book it to the target that does,
or widen the scope. Reported by `salesplan review`, at the cell of the actuals file; rows with errors are left out
and every other row is still read, so one run shows every problem.

Failing example::

    # plan.yaml
    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - {id: T1, value: 500, scope: {regions: [east-a]}, split: [{by: rep}]}
    # actuals.csv
    region,month,value
    east-b,2026-07,100

Passing example::

    # plan.yaml
    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - {id: T1, value: 500, scope: {regions: [east-a]}, split: [{by: rep}]}
    # actuals.csv
    region,month,value
    east-a,2026-07,100
"""

from salesplan import codes

CODE = codes.ACTUALS_NOT_IN_BREAKDOWN
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
