"""An actuals row is booked to a rep on a day before the rep's `start` or after their `end`
(a warning: the row still counts).

Usually a deal booked to the wrong person, or a start date that needs correcting in team.people.
Reported by `salesplan review`, at the date.

Failing example::

    # plan.yaml
    team:
      people:
        - {id: 韩梅, role: rep, start: 2026-08-01}
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: rep}]}
    # actuals.csv
    rep,date,value
    韩梅,2026-07-15,100

Passing example::

    # plan.yaml
    team:
      people:
        - {id: 韩梅, role: rep, start: 2026-08-01}
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: rep}]}
    # actuals.csv
    rep,date,value
    韩梅,2026-08-15,100
"""

from salesplan import codes

CODE = codes.ACTUALS_REP_INACTIVE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
