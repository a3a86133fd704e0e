"""Keeping the lines `merge_plan` did not change exactly as the file writes them.

ruamel.yaml writes back most files as it read them, but not every spelling survives a round trip
(`{ a: 1 }` comes back as `{a: 1}`, CRLF as LF). Three texts settle it: the file as written
(`ours`), ruamel's dump of the file unchanged (`base`) and its dump of the changed document
(`theirs`). The lines that differ between base and theirs are the merge's own changes and come
from theirs; every other line comes from the file, with its own line ending.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def split_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _bare(lines: list[str]) -> list[str]:
    return [line.rstrip("\r\n") for line in lines]


Opcode = tuple[str, int, int, int, int]
_NEAR = 40  # lines looked at around a change to learn how the file indents


def _opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib's opcodes from `a` to `b`, matched only between their common first and last lines (fast
    on a long file with a few changes)."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    middle = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False).get_opcodes()
    ops: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    ops += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle]
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _newline(ours: list[str]) -> str:
    return "\r\n" if sum(line.endswith("\r\n") for line in ours) * 2 > len(ours) else "\n"


def with_line_ends(ours: list[str], theirs: list[str]) -> str:
    """`theirs` with the line endings of `ours` (CRLF or LF, and no newline after the last line if it had none)."""
    newline, now = _newline(ours), _bare(theirs)
    whole = [line + newline for line in now]
    if ours and not ours[-1].endswith("\n") and now and now[-1] == ours[-1]:
        whole[-1] = now[-1]
    return "".join(whole)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _indents_near(start: int, end: int, was: list[str], mine: list[str], same: dict[int, int]) -> dict[int, int]:
    """How the file indents what ruamel indents n spaces, read from the lines of the same block around
    base lines start..end (the nearest above first, then below): a block the file indents its own way
    stays so. A line deeper than one nearer the change belongs to another block and is not read."""
    shift: dict[int, int] = {}
    for lines in (range(start - 1, max(start - _NEAR, 0) - 1, -1), range(end, min(end + _NEAR, len(was)))):
        ceiling = None
        for at in lines:
            if not was[at].strip() or was[at].lstrip().startswith("#"):
                continue
            width = _indent(was[at])
            if ceiling is not None and width > ceiling:
                continue
            ceiling = width
            if at in same:
                shift.setdefault(width, _indent(mine[same[at]]))
    return shift


def _reindented(line: str, shift: dict[int, int]) -> str:
    width = _indent(line)
    return " " * shift.get(width, width) + line[width:] if line.strip() else line


def keep_unchanged_lines(ours: list[str], base: list[str], theirs: list[str]) -> str:
    """`theirs` with every line that is not a change from `base` written as `ours` writes it."""
    newline = _newline(ours)
    mine, was, now = _bare(ours), _bare(base), _bare(theirs)
    if mine == was:  # ruamel wrote the file back as it is: its changed dump is the answer
        return with_line_ends(ours, theirs)
    same: dict[int, int] = {}  # a base line -> the file's line (identical, or as the file spells it)
    reformatted: dict[int, tuple[int, int, int]] = {}  # base start -> (base end, file start, file end)
    for tag, i1, i2, k1, k2 in _opcodes(was, mine):
        if tag == "equal" or (tag == "replace" and i2 - i1 == k2 - k1):  # a line respelled is still that line
            same.update((i1 + n, k1 + n) for n in range(i2 - i1))
        else:
            reformatted[i1] = (i2, k1, k2)
    out: list[str] = []
    for tag, a1, a2, c1, c2 in _opcodes(was, now):
        if tag != "equal":
            shift = _indents_near(a1, a2, was, mine, same)
            out += [_reindented(line, shift) + newline for line in now[c1:c2]]
            continue
        at = a1
        while at < a2:
            hunk = reformatted.get(at)
            if hunk is not None and hunk[0] <= a2:  # the file's own spelling of lines the merge left alone
                out += ours[hunk[1] : hunk[2]]
                if hunk[0] > at:
                    at = hunk[0]
                    continue
            out.append(ours[same[at]] if at in same else was[at] + newline)
            at += 1
    end = reformatted.get(len(was))
    if end is not None:
        out += ours[end[1] : end[2]]
    if out and ours and not ours[-1].endswith("\n") and out[-1] == ours[-1] + newline:
        out[-1] = ours[-1]
    return "".join(out)
