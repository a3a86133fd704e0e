"""Where the tests find the repository's own files: one place, so every test reads the same ones."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# plan format 1 as accepted: a copy of the reference plan kept in the repository
REFERENCE = EXAMPLES / "reference" / "reference-plan.yaml"
