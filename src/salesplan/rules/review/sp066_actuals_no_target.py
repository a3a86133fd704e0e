"""An actuals row names no target, and the plan has neither a single target nor a revenue
target to count it towards.

Add a target column (目标 / target), by id or name.

Reported by `salesplan review`, at the cell of the actuals file; rows with errors are left out
and every other row is still read, so one run shows every problem.

Failing example::

    # plan.yaml
    targets:
      - {id: T1, metric: new_customers, unit: 家, value: 30}
      - {id: T2, metric: orders, unit: 单, value: 20}
    # actuals.csv
    month,value
    2026-07,3

Passing example::

    # plan.yaml
    targets:
      - {id: T1, metric: new_customers, unit: 家, value: 30}
      - {id: T2, metric: orders, unit: 单, value: 20}
    # actuals.csv
    target,month,value
    T1,2026-07,3
"""

from salesplan import codes

CODE = codes.ACTUALS_NO_TARGET
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
