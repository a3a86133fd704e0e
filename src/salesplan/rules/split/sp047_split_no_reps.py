"""A rep level cannot apply: a region (or the target's scope) has no active people with role rep.

The value of that region would have no one to carry it. Add a rep, or split that region another
way. Reported by the split engine.

Failing example::

    team:
      regions: [{id: east-a}, {id: east-c}]
      people:
        - {id: 李雷, role: rep, region: east-a}
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: rep}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-c}]
      people:
        - {id: 李雷, role: rep, region: east-a}
        - {id: 韩梅, role: rep, region: east-c}
    targets:
      - id: T1
        value: 500
        split:
          - {by: region}
          - {by: rep}
"""

from salesplan import codes

CODE = codes.NO_REPS
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
