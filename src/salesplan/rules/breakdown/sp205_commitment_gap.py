"""Bottom-up commitments (自下而上 承诺) should meet the top-down allocation.

A target's `commit:` gives what reps or regions commit to, part id -> amount in the target's unit
(part ids of any level of the split: `commit: {east-a: 280, 李雷: 90}`). Each part's allocation
is the split's value at that part, summed over its nodes when it appears under several parents (a
rep under two products). A commitment off its allocation by more than
`breakdown.max-commitment-gap` percent of the allocation (default 10) is a warning. A part id
that the split does not have is an error of the split itself (SP042, as `salesplan split` says it).

With `salesplan lint PLAN --commitments FILE` the commitments of a file (CSV or xlsx, one row per
part: target, the part's region, product, rep … and month, commitment) are compared too, the file's
amount winning over `commit:` for a part both give; a bad file is refused before lint runs.

Options: `breakdown.max-commitment-gap` (percent, default 10).

Failing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
        commit: {east-a: 220, east-b: 200}

Passing example::

    team:
      regions: [{id: east-a}, {id: east-b}]
    targets:
      - id: T1
        value: 500
        split:
          - {by: region, method: explicit, values: {east-a: 300, east-b: 200}}
        commit: {east-a: 280, east-b: 210}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from salesplan.diagnostics import Diagnostic, Severity, SourceRef
from salesplan.i18n import _
from salesplan.options import Option, percent
from salesplan.rules.base import Context, Finding
from salesplan.rules.breakdown import sp201_split_does_not_add_up, sp202_split_part_not_defined

CODE = "SP205"
NAME = "commitment-gap"
SEVERITY = "warning"
SUMMARY = "Bottom-up commitments (commit:) within a band of the split's allocation; committed parts exist."
MAX_GAP: Option[Decimal] = Option(
    "breakdown.max-commitment-gap",
    Decimal(10),
    percent,
    "largest gap between a commitment and its allocation, percent of the allocation (default 10)",
)
OPTIONS = (MAX_GAP,)


def _signed(value: Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def check(ctx: Context) -> Iterator[Finding | Diagnostic]:
    from salesplan.review.commit_read import read_commitments
    from salesplan.split.commit import commitments
    from salesplan.split.commit_file import apply_filed
    from salesplan.split.engine import split_plan  # imported on first use: `salesplan rules` stays light

    flagged = {
        f.path[1]
        for rule in (sp201_split_does_not_add_up, sp202_split_part_not_defined)
        for f in rule.check(ctx)
        if len(f.path) > 1
    }
    # the file's problems are bad input, refused before lint runs (`salesplan lint --commitments`)
    filed = read_commitments(ctx.commitments, ctx.plan).rows if ctx.commitments is not None else []
    named = {row.target for row in filed}
    chosen = {
        t.id: i for i, t in enumerate(ctx.plan.targets) if (t.commit or t.id in named) and t.split and i not in flagged
    }
    if not chosen:
        return
    band = ctx.settings.get(MAX_GAP)
    splits = split_plan(ctx.loaded, list(chosen)).splits
    rows: dict[tuple[str, str], SourceRef] = {}
    apply_filed(splits, filed, rows)
    for split in splits:
        i = chosen[split.target_id]
        found, _unknown = commitments(split, split.commit)  # an unknown part fails the split: SP042
        for c in found:
            share = c.gap_percent()
            if c.gap == 0 or (share is not None and abs(share) <= band):
                continue
            pct = f" ({_signed(share.quantize(Decimal('0.1')))}%)" if share is not None else ""
            limit = f"{band}%"
            message = _(
                "'{part}' commits {commitment}, allocated {allocation}: gap {gap}{share}, more than {band}",
                part=c.part,
                commitment=c.commitment,
                allocation=c.allocation,
                gap=_signed(c.gap),
                share=pct,
                band=limit,
            )
            hint = _("agree on the allocation with the part's owner, or change the split")
            row = rows.get((split.target_id, c.part))
            if row is None:
                yield Finding(("targets", i, "commit", c.part), message, hint)
            else:  # a commitment of the file: at its row
                yield Diagnostic.of(CODE, Severity(SEVERITY), message, row, hint=hint, name=NAME)
