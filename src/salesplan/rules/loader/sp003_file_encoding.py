"""The file is not UTF-8. Chinese Windows tools often save GBK/GB18030; salesplan reads UTF-8
only (a BOM is allowed) and says where the first bad byte is.

Reported by the loader, before the lint rules run.

Failing example::

    # plan.yaml saved as GBK from Notepad: bytes 0xC4 0xEA ... where UTF-8 expects other bytes
    salesplan: 1
    plan: {name: 年度计划, ...}

Passing example::

    # the same file converted: iconv -f GB18030 -t UTF-8 plan.yaml > plan.utf8.yaml
    salesplan: 1
    plan: {name: 年度计划, ...}
"""

from salesplan import codes

CODE = codes.ENCODING
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
