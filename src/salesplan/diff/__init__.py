"""What a change does to a plan: two loaded plans compared by meaning, not by lines (`salesplan diff`).

- `engine.diff_plans(old, new)` -> `PlanDiff`: pure, never prints; amounts exact, in the new plan's unit.
- `render.RENDERERS`: table, md, json (a documented contract, docs/diff.md).
- `textconv.plan_lines(loaded)`: a plan as stable text, one line per part, for git's textconv.
- `revision.read_revision(path, rev)`: a plan file as it was at a git revision, read with git itself.
"""
