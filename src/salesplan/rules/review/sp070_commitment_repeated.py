"""A commitments file (`salesplan split|lint PLAN --commitments F`) commits one part of a target's
breakdown in two rows.

Each part is committed once: two rows for it would leave salesplan to guess whether they add up or
the later one replaces the earlier. Rows that name the same part differently count as one part: a
region by its id and by its name (`east-a`, `A区`), a month as `2026-07` and as `7月`, a rep with or
without the region every node of the rep lies under. Reported at the second row, naming the line of
the first; nothing is written.

Failing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # commitments.csv
    region,commitment
    east-a,280
    A区,270

Passing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # commitments.csv
    region,commitment
    east-a,280
    east-b,210
"""

from salesplan import codes

CODE = codes.COMMITMENT_REPEATED
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
