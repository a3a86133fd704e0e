"""An edit of a breakdown the plan's split cannot hold. Edits become explicit `values:` at the
level edited, and the levels below keep their methods; a level's values hold under every part it
splits, so a month edited under one rep only (the month level is split by weights under every
rep), or a total the capacity or granularity of the parts below cannot carry, cannot be held.
Edit the total of the part above (its parts are split again), or change the plan's split.

When the edited plan does not split at all, the split's own reason and advice are quoted at the first
edited cell. An edit the reps' capacity cannot carry is taken with `--allow-over-capacity` (the reps
carry the excess in proportion to their capacity, as `split --allow-over-capacity` splits it), then
reported as a warning.

Failing example::

    # 销售目标设定与拆解表: 李雷, 医疗器械, 2026-07 (month level, split by weights)
    C6: 30

Passing example::

    # the region B区 (the level held with explicit values)
    C22: 190
"""

from salesplan import codes

CODE = codes.IMPORT_NOT_HELD
NAME, SUMMARY, SEVERITY = codes.CODES[CODE]
