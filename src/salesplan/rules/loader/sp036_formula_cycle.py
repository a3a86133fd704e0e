"""Formula targets depend on each other in a circle: target A's formula uses the metric of target
B, whose formula uses A's metric (or a formula uses its own target's metric). Such a KPI can never
be computed; every target on the circle is reported, with the circle.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: K1, metric: average_order_value, value: 2, formula: revenue / orders}
      - {id: K2, metric: orders, value: 250, formula: revenue / average_order_value}

Passing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: T4, metric: orders, value: 250, unit: 单}
      - {id: K1, metric: average_order_value, value: 2, formula: revenue / orders}
"""

from salesplan import codes

CODE = codes.FORMULA_CYCLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
