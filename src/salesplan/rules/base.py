"""What a rule is: identity constants plus a pure `check(ctx)` that yields located findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from salesplan import codes
from salesplan.diagnostics import Diagnostic, Severity
from salesplan.options import Option
from salesplan.rules.settings import RuleSettings

if TYPE_CHECKING:
    from salesplan.i18n import Message
    from salesplan.loader import LoadedPlan
    from salesplan.loader.yamltree import Path_, SourceMap
    from salesplan.model.plan import Plan


@dataclass(frozen=True)
class Finding:
    """What a rule found, at the most specific path it can name; the runner locates and labels it,
    and renders its message and hint (`salesplan.i18n.Message`s) in every language."""

    path: Path_
    message: Message
    hint: Message | None = None
    severity: Severity | None = None  # None: the rule's default severity
    key: bool = False  # point at the key rather than the value


@dataclass
class Context:
    """Everything a rule may read. Rules never print, write or raise on bad input."""

    loaded: LoadedPlan
    plan: Plan
    settings: RuleSettings = field(default_factory=RuleSettings)
    as_of: date | None = None  # the day the plan is judged on (`lint --as-of`); None: today
    commitments: Path | None = None  # `lint --commitments`: a commitments file laid over `commit:` (SP205)

    @property
    def source(self) -> SourceMap:
        return self.loaded.source


# a rule yields its findings; a rule that runs another engine (SP203) yields that engine's
# diagnostics as they are: already located, rendered, and under one of the rule's EMITS codes
Check = Callable[[Context], Iterable[Finding | Diagnostic]]


@dataclass(frozen=True)
class RuleInfo:
    """A rule's identity, read from its module's constants (or from `salesplan.codes` for a code
    that a rule only documents); its documentation is the module's docstring, read when asked for."""

    code: str
    name: str
    severity: Severity
    summary: str
    group: str
    module: str  # the module whose docstring documents the rule
    check: Check | None = None  # None: the finding is made by the loader or an engine, this rule only documents it
    options: tuple[Option[Any], ...] = ()  # the settings it reads, declared in its module (`OPTIONS`)
    emits: tuple[str, ...] = ()  # codes of another engine that `check` reports under their own code

    @property
    def doc(self) -> str:
        return _docstring(self.module)

    @classmethod
    def from_module(cls, module: ModuleType) -> RuleInfo:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=Severity(module.SEVERITY),
            summary=module.SUMMARY,
            group=module.__name__.rsplit(".", 2)[-2],
            module=module.__name__,
            check=getattr(module, "check", None),
            options=tuple(getattr(module, "OPTIONS", ())),
            emits=tuple(getattr(module, "EMITS", ())),
        )

    @classmethod
    def from_code(cls, code: str) -> RuleInfo:
        """A code of `salesplan.codes`, documented by `salesplan.rules.<group>.<spNNN_name>` (not imported here:
        linting needs only the identity, and the doc modules of every code would slow its start)."""
        entry = codes.CODES[code]
        group = codes.group(code)
        module = f"{__package__}.{group}.{code.lower()}_{entry.name.replace('-', '_')}"
        return cls(code, entry.name, entry.severity, entry.summary, group, module)


@cache
def _docstring(module: str) -> str:
    return (import_module(module).__doc__ or "").strip()
