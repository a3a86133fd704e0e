"""The target asks more of the reps than their capacity, prorated to the days they are active and their ramp-up.

With `cap: true` (the default) no rep is given more than their capacity, so a target beyond the
team's capacity cannot be split: hire, re-plan, or allow it (`salesplan split
--allow-over-capacity` makes this a warning and splits in proportion to capacity).
Reported by the split engine.

Failing example::

    team:
      people:
        - {id: 李雷, role: rep, capacity: 200}
        - {id: 韩梅, role: rep, capacity: 200}
    targets:
      - id: T1
        value: 500
        split:
          - {by: rep, method: capacity}

Passing example::

    team:
      people:
        - {id: 李雷, role: rep, capacity: 300}
        - {id: 韩梅, role: rep, capacity: 200}
    targets:
      - id: T1
        value: 500
        split:
          - {by: rep, method: capacity}
"""

from salesplan import codes

CODE = codes.OVER_CAPACITY
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
