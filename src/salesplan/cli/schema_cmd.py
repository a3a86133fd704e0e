"""`salesplan schema`: print the JSON Schema of plan format 1."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salesplan.cli.common import ForceOption, emit


def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")] = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of plan format 1 (for editors and check-jsonschema)."""
    from salesplan.model.schema import schema_text

    emit(schema_text(), output, force)
