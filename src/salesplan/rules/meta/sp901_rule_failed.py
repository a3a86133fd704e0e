"""A lint rule failed on this file (a bug in salesplan): the other rules and files still ran.

The message names the rule and the error; please report it. Run with `SALESPLAN_DEBUG=1` to
raise the error with its traceback instead.

Failing example::

    # any plan on which a rule raises an exception, e.g. an engine bug
    salesplan: 1

Passing example::

    # the same plan once the bug is fixed
    salesplan: 1
"""

CODE = "SP901"
NAME = "rule-failed"
SEVERITY = "error"
SUMMARY = "A lint rule raised an error on this file (a salesplan bug); other rules still ran."
