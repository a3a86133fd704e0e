"""The plan an exported workbook embeds (on its very hidden sheet `salesplan`) does not load, or the
sheets name rows (targets, parts, tasks, risks) it does not have, or the updated plan cannot be
written back. The visible values are applied to that plan; it is never trusted blindly.

Failing example::

    # the hidden sheet salesplan, cell B3 (the plan text)
    B3: "plan: ["

Passing example::

    B3: "salesplan: 1"   # and the rest of the plan, as exported
"""

from salesplan import codes

CODE = codes.IMPORT_EMBEDDED
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
