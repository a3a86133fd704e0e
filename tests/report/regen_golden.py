"""Regenerate tests/report/golden/* from the hand-built sample result: `python tests/report/regen_golden.py`.

Golden files are never edited by hand; review the diff of what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from sample import FORMATS, GOLDEN, golden_path, normalised, options, sample_result

from salesplan.report import RENDERERS


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for fmt in FORMATS:
        for lang in ("en", "zh"):
            text = RENDERERS.text(fmt, sample_result(), options(lang))
            golden_path(fmt, lang).write_text(normalised(text), encoding="utf-8")
            print(golden_path(fmt, lang))


if __name__ == "__main__":
    main()
