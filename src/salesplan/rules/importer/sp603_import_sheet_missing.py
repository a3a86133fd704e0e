"""A sheet the workbook was exported with is missing or was renamed: its rows cannot be read, so
nothing is imported. The finding points at the sheet name.

Failing example::

    sheets: [销售目标设定与拆解表, 销售策略执行计划表]   # 风险评估与应对表 deleted

Passing example::

    sheets: [销售目标设定与拆解表, 销售策略执行计划表, 风险评估与应对表]
"""

from salesplan import codes

CODE = codes.IMPORT_SHEET_MISSING
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
