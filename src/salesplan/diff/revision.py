"""A plan file as it was at a git revision, read with git itself (`git show REV:./path` in the file's folder).

Every failure (no git, not a repository, an unknown revision, a file the revision lacks) comes back
as a located diagnostic on `path@REV`, like a file that cannot be read."""

from __future__ import annotations

import subprocess
from pathlib import Path

from salesplan import codes
from salesplan.diagnostics import SourceRef
from salesplan.i18n import Text, _
from salesplan.loader import LoadedPlan
from salesplan.loader.source import MAX_BYTES, decode
from salesplan.loader.yamltree import SourceMap


def split_range(rev: str) -> tuple[str, str | None]:
    """`A..B` -> (A, B); `A..` -> (A, HEAD); `..B` -> (HEAD, B); `A` -> (A, None: the working file)."""
    if ".." not in rev:
        return rev, None
    old, _sep, new = rev.partition("..")
    return old or "HEAD", new or "HEAD"


def display(path: Path, rev: str) -> str:
    return f"{path}@{rev}"


def _refused(file: str, reason: Text) -> LoadedPlan:
    message = _("cannot read the plan at this revision: {reason}", reason=reason)
    hint = _("name a commit, branch or tag that has this file, e.g. --rev HEAD~1 or --rev origin/main")
    diagnostic = codes.diagnostic(codes.FILE_UNREADABLE, SourceRef(file), message, hint=hint)
    return LoadedPlan(file, SourceMap(file), diagnostics=[diagnostic])


def load_revision(path: Path, rev: str) -> LoadedPlan:
    """Load `path` as it was at `rev` (through `salesplan.loader.load_text`); never raises for bad input."""
    from salesplan.loader import load_text

    file = display(path, rev)
    if rev.startswith("-") or not rev.strip():
        return _refused(file, _("'{rev}' is not a revision", rev=rev))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), "show", f"{rev}:./{path.name}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return _refused(file, f"git: {exc}")
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return _refused(file, lines[0] if lines else f"git exited with {proc.returncode}")
    if len(proc.stdout) > MAX_BYTES:
        size, limit = format(len(proc.stdout), ","), format(MAX_BYTES, ",")
        return _refused(file, _("{size} bytes, over the limit of {limit} bytes", size=size, limit=limit))
    text, found = decode(proc.stdout, file)
    if text is None:
        return LoadedPlan(file, SourceMap(file), diagnostics=found)
    return load_text(text, file)
