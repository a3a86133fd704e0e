"""Why a file could not be read or written, in the user's language (not the C library's English)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salesplan.cli.app import app
from salesplan.i18n import render
from salesplan.loader import load_plan
from salesplan.oserror import reason


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        (errno.ENOENT, "没有该文件或文件夹", "no such file or folder"),
        (errno.EACCES, "没有权限", "permission denied"),
        (errno.ENOSPC, "磁盘空间不足", "no space left on the disk"),
    ],
)
def test_known_causes_are_translated(code: int, zh: str, en: str) -> None:
    exc = OSError(code, os.strerror(code))
    assert render(reason(exc), "zh") == zh and render(reason(exc), "en") == en


def test_a_rare_cause_keeps_the_system_text() -> None:
    assert reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert reason(OSError("no errno")) == "no errno"


def test_a_missing_plan_is_reported_in_chinese(tmp_path: Path) -> None:
    (diag,) = load_plan(tmp_path / "missing.yaml").diagnostics
    assert diag.code == "SP001" and diag.message_zh.endswith("没有该文件或文件夹")
    assert "No such file" not in diag.message_zh
    result = CliRunner().invoke(app, ["lint", str(tmp_path / "missing.yaml")])
    assert "没有该文件或文件夹" in result.output


def test_an_unreadable_plan_names_the_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("salesplan: 1\n", encoding="utf-8")

    def refused(path: object) -> None:  # as the system answers a file without read permission (root is never refused)
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("salesplan.loader.source.open_for_reading", refused)
    (diag,) = load_plan(plan).diagnostics
    assert diag.code == "SP001" and diag.message_zh.endswith("没有权限")
