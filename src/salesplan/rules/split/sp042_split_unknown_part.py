"""`weights`, `values`, `parts` or `margins` name a part the level does not have.

Time parts are the months, quarters or weeks of the plan period (`2026-07`, `Q3`, `7月`, `W27`); a
key outside the period, or one that could mean two parts, is refused with the candidates named.
Regions, products and reps outside the team are SP202's; the split engine reports the rest.

A target's `commit:` (bottom-up commitments) naming a part that its breakdown does not have is
refused the same way, at the key, with the id meant when the key is a part's name or close to one.

Failing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        value: 500
        split:
          - {by: month, method: weights, weights: {2026-07: 1, 2026-10: 1}}

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        value: 500
        split:
          - {by: month, method: weights, weights: {2026-07: 1, 2026-08: 1, 2026-09: 1}}
"""

from salesplan import codes

CODE = codes.UNKNOWN_PART
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
