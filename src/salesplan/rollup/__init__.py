"""Roll-up across plan files: a target that `implements:` a part of a parent plan's target.

The engine is pure: `facts.facts_of` reads a file's claims while it is linted, `check.check_relations`
checks them all against their parents (each parent loaded and split once per run), and
`tree.rollup_tree` builds the combined tree `salesplan rollup` prints (renderers in `render`).
The package imports nothing itself: `salesplan.rules` reads its setting (`options`) at start.
"""
