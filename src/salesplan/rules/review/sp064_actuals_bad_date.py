"""An actuals row's date or month cannot be read: malformed, ambiguous (`7/10/2026`: July or
October?) or impossible (`2026/2/30`, month 13).

Write the year first: `2026-07-10`, `2026/7/10`, `2026年7月10日`, or a month as `2026-07`.

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
    east-a,2026-13,100

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

CODE = codes.ACTUALS_BAD_DATE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
