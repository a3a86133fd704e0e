"""An actual value is not a number, or is in a unit its target is not counted in (`3万` for
a target counted in 家).

Values are read in the target's unit unless the header names one (`金额（元）`); `3万`, `1,234`
and `15%` are numbers.

Reported by `salesplan review`, at the cell of the actuals file; rows with errors are left out
and every other row is still read, so one run shows every problem.

Failing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month,value
    east-a,2026-07,lots

Passing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month,value
    east-a,2026-07,100
"""

from salesplan import codes

CODE = codes.ACTUALS_BAD_NUMBER
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
