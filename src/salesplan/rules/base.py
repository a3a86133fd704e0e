"""What a rule is: identity constants plus a pure `check(ctx)` that yields located findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from salesplan.diagnostics import Severity, SourceRef
from salesplan.rules.settings import Settings

if TYPE_CHECKING:
    from salesplan.loader import LoadedPlan
    from salesplan.loader.yamltree import Path_, SourceMap
    from salesplan.model.plan import Plan


@dataclass(frozen=True)
class Finding:
    """What a rule found, at the most specific path it can name; the runner locates and labels it."""

    path: Path_
    message: str
    message_zh: str
    hint: str | None = None
    hint_zh: str | None = None
    severity: Severity | None = None  # None: the rule's default severity
    key: bool = False  # point at the key rather than the value
    at: SourceRef | None = None  # an exact location already known (from another engine's diagnostic)


@dataclass
class Context:
    """Everything a rule may read. Rules never print, write or raise on bad input."""

    loaded: LoadedPlan
    plan: Plan
    settings: Settings = field(default_factory=Settings)

    @property
    def source(self) -> SourceMap:
        return self.loaded.source


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    """A rule's identity and documentation, read from its module's constants and docstring."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    group: str
    check: Check | None = None  # None: the finding is made by the loader, this rule only documents it
    options: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_module(cls, module: ModuleType) -> RuleInfo:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=Severity(module.SEVERITY),
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            group=module.__name__.rsplit(".", 2)[-2],
            check=getattr(module, "check", None),
            options=getattr(module, "OPTIONS", {}),
        )
