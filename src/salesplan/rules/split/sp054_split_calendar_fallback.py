"""`method: workdays` in a year whose official holiday schedule is not published yet: its workdays
count the statutory holidays the `holidays` library computes, but not the make-up working days (调休).

China's holiday schedule, with the weekends that become working days, is published each year by the
State Council, usually in November; until then next year's plans are split on the statutory
holidays alone. A notice, once per year at the plan period, however many targets, levels and
regions use it; upgrading the `holidays` package brings the published schedule. Calendars without
make-up days (`calendar: HK`, `SG`, `US` …) never give it.

Failing example::

    plan:
      period: {start: 2027-07-01, end: 2027-09-30}
    targets:
      - id: T1
        value: 500
        split:
          - {by: month, method: workdays}

Passing example::

    plan:
      period: {start: 2026-07-01, end: 2026-09-30}
    targets:
      - id: T1
        value: 500
        split:
          - {by: month, method: workdays}
"""

from salesplan import codes

CODE = codes.CALENDAR_FALLBACK
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
