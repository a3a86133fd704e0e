"""The file is not an xlsx workbook: an old Excel `.xls`, a WPS `.et` (both OLE2 files, which start
with the bytes D0 CF 11 E0), or not a zip at all. Open it in Excel or WPS and save it as `.xlsx`.

Failing example::

    workbook: plan.xls

Passing example::

    workbook: plan.xlsx
"""

from salesplan import codes

CODE = codes.IMPORT_NOT_XLSX
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
