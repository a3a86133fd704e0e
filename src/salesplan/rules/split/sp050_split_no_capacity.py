"""`method: capacity` and a rep has no `capacity`: their share cannot be weighed.

Reported by the split engine, at the person.

Failing example::

    team:
      people:
        - {id: 李雷, role: rep, capacity: 300}
        - {id: 韩梅, role: rep}
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

CODE = codes.NO_CAPACITY
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
