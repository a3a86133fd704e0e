"""Every module of salesplan stays small enough to read in one sitting (split by what it holds)."""

from __future__ import annotations

from pathlib import Path

import salesplan

LIMIT = 400
SOURCE = Path(salesplan.__file__).parent


def test_no_module_over_the_limit() -> None:
    modules = sorted(SOURCE.rglob("*.py"))
    assert len(modules) > 50  # the tree was found
    too_long = {
        str(path.relative_to(SOURCE)): count
        for path in modules
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}, f"modules over {LIMIT} lines (split them by what they hold): {too_long}"
