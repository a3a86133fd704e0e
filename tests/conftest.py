"""Shared test fixtures: the reference plan and the examples, found through repo_files (one place)."""

from __future__ import annotations

import os

import pytest

from repo_files import REFERENCE

REFERENCE_PLAN = REFERENCE


@pytest.fixture
def reference_text() -> str:
    return REFERENCE_PLAN.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def neutral_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in a locale that names no language and without SALESPLAN_LANG, so salesplan
    speaks its default (Chinese) whatever the developer's own locale; a test may set either itself."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("SALESPLAN_LANG", raising=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """With SALESPLAN_REQUIRE_CLIENTS=1 (set by .ci/run) a test skipped for a missing real client fails instead."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and os.environ.get("SALESPLAN_REQUIRE_CLIENTS") == "1":
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every real client must be present: {report.longrepr}"
