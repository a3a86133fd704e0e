"""The actuals table's header cannot be used: no value column (value / 金额 / 实际 / 销售额 …),
a column salesplan cannot place, a column given twice, values under no header, or a unit in a
header it does not know (`金额（美元）`).

Name the column in `[review.columns]` of salesplan.toml (`rep = ["跟进人"]`), or leave it unread
(`--ignore-column`, `[review.columns] ignore`).

Reported by `salesplan review`, at the cell of the actuals file; rows with errors are left out
and every other row is still read, so one run shows every problem.

Failing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month
    east-a,2026-07

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

CODE = codes.ACTUALS_BAD_HEADER
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
