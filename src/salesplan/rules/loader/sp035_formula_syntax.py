"""A target's `formula:` (a derived KPI such as 客单价 = revenue / orders) is not an expression
salesplan can read: an operator without its operands, a parenthesis never closed, a character that
is neither a metric name, a number, `+ - * /` (`× ÷` too) nor a parenthesis. The finding points at
the character inside the formula.

Formulas are read by salesplan's own small parser, never evaluated as code.

Reported by the loader, before the lint rules run.

Failing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: T4, metric: orders, value: 250, unit: 单}
      - {id: K1, metric: average_order_value, value: 2, formula: revenue / / orders}

Passing example::

    targets:
      - {id: T1, metric: revenue, value: 500}
      - {id: T4, metric: orders, value: 250, unit: 单}
      - {id: K1, metric: average_order_value, value: 2, formula: revenue / orders}
"""

from salesplan import codes

CODE = codes.FORMULA_SYNTAX
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
