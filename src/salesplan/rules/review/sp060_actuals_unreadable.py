"""The actuals file cannot be read: it is missing, a folder, over 200 MB, not text in UTF-8,
GB18030 or UTF-16, a damaged xlsx, or holds NUL bytes.

Nothing is reviewed. Reported by `salesplan review`, at the file.

Failing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    (no such file: salesplan review plan.yaml --actuals actuals.csv)

Passing example::

    # plan.yaml
    team:
      regions: [{id: east-a, name: A区}, {id: east-b, name: B区}]
    targets:
      - {id: T1, metric: revenue, value: 500, split: [{by: region}]}
    # actuals.csv
    region,month,value
    east-a,2026-07,100
"""

from salesplan import codes

CODE = codes.ACTUALS_UNREADABLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
