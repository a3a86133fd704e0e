"""A derived KPI's formula names a metric that no target of the plan measures (`metric:`) and no
row of the actuals records (its target or 指标 cell naming the metric): most often a typo. The
KPI shows "no actuals for …" at every node; the finding (a warning) sits at the formula in the
plan file and suggests the nearest known metric.

A metric without a target of its own (回款额 `collected` for 回款率) is fine as long as the actuals
record it: rows whose 指标 cell is `collected`.

Reported by `salesplan review`.

Failing example::

    # plan.yaml
    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: K1, metric: collection_rate, value: 90%, formula: collected / revenu}
    # actuals.csv
    指标,金额
    revenue,100
    collected,80

Passing example::

    # plan.yaml
    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: K1, metric: collection_rate, value: 90%, formula: collected / revenue}
    # actuals.csv
    指标,金额
    revenue,100
    collected,80
"""

from salesplan import codes

CODE = codes.FORMULA_UNKNOWN_METRIC
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
