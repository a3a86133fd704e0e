"""A bug in the split engine, reported instead of a traceback; the other targets are still split.

The message names the error. Please report it with the plan file. Any plan may show it; none
should.

Failing example::

    # a plan on which the engine raises (an error of salesplan, not of the plan)
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}

Passing example::

    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
"""

from salesplan import codes

CODE = codes.SPLIT_INTERNAL
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
