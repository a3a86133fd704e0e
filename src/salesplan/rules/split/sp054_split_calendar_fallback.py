"""`method: workdays` in a year the holiday calendar does not know: its workdays are counted
Monday to Friday, without holidays or make-up working days (调休).

China's holiday schedule is published each year by the State Council; the calendar salesplan
reads (`chinese_calendar`) knows the years up to its release. One warning per unknown year, at the
plan period, however many targets and levels use it. Upgrading the package brings the new year.

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
