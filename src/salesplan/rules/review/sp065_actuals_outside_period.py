"""An actuals row is dated outside the plan period: it cannot count towards any of its targets.

Reported by `salesplan review`, at the cell of the actuals file; rows with errors are left out
and every other row is still read, so one run shows every problem.

Failing example::

    # plan.yaml
    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month,value
    east-a,2026-10,100

Passing example::

    # plan.yaml
    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month,value
    east-a,2026-09,100
"""

from salesplan import codes

CODE = codes.ACTUALS_OUTSIDE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
