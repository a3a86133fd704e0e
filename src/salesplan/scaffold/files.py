"""Writing the plan and, beside it, the schema its modeline points to: all checks before any write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from salesplan.i18n import Message, _
from salesplan.oserror import reason
from salesplan.scaffold.errors import ScaffoldError
from salesplan.scaffold.render import schema_ref


@dataclass(frozen=True)
class Written:
    plan: Path
    schema: Path
    schema_written: bool  # False when an identical schema was already there


def schema_path(plan: Path) -> Path:
    return plan.parent / schema_ref()


def write_plan_files(plan: Path, text: str, force: bool) -> Written:
    """Refuse an existing plan or a different existing schema unless `force`; then write both atomically.

    The schema goes first, so a plan never points to a schema that is not there.
    """
    from salesplan.model.schema import schema_text
    from salesplan.output import OutputExists, write_atomic

    if plan.is_dir():
        raise ScaffoldError(
            "plan_is_dir", _("{path} is a directory; name a plan file, e.g. {path}/plan.yaml", path=plan)
        )
    if plan.exists() and not force:
        raise ScaffoldError("plan_exists", _exists(plan))
    schema_file = schema_path(plan)
    schema = schema_text()
    current = _read(schema_file)
    if current is not None and current != schema and not force:
        raise ScaffoldError(
            "schema_differs",
            _(
                "{path} exists with different content (perhaps from another salesplan version); nothing was written; "
                "add --force to replace it",
                path=schema_file,
            ),
        )
    try:
        if current != schema:
            schema_file.parent.mkdir(parents=True, exist_ok=True)  # also creates the plan's folder
            write_atomic(schema_file, schema, force=True)
        write_atomic(plan, text, force=force)
    except OutputExists:
        raise ScaffoldError("plan_exists", _exists(plan)) from None
    except OSError as exc:
        path = exc.filename or plan
        raise ScaffoldError("write_failed", _("cannot write {path}: {reason}", path=path, reason=reason(exc))) from None
    return Written(plan, schema_file, current != schema)


def _exists(plan: Path) -> Message:
    return _("{path} already exists and was left untouched; add --force to overwrite it", path=plan)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""  # unreadable counts as different: replaced only with --force
