"""The workbook cannot be read: the file is missing or damaged, or an XML part of it declares a
DOCTYPE or entities (the "billion laughs" expansion). Nothing is written.

A workbook with a password to open is refused as such: remove the password and save it again.

A workbook is untrusted input: salesplan reads it with defusedxml and refuses a part that
declares entities before openpyxl sees it.

Failing example::

    # plan.xlsx, its [Content_Types].xml:
    xml: <!DOCTYPE x [<!ENTITY a "aaaa">]><Types/>

Passing example::

    # plan.xlsx as salesplan export wrote it, or as Excel, WPS or LibreOffice saved it
    workbook: plan.xlsx
"""

from salesplan import codes

CODE = codes.IMPORT_UNREADABLE
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
