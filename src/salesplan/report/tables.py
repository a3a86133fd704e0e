"""Plain tables for the terminal, built with rich (imported here only, when a table is printed)."""

from __future__ import annotations

from collections.abc import Sequence


def render_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], color: bool) -> str:
    from io import StringIO

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from salesplan.report.base import neutralise

    table = Table(title=neutralise(title), box=box.SIMPLE_HEAD, title_justify="left")
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*(Text(neutralise(cell)) for cell in row))
    buffer = StringIO()
    Console(file=buffer, force_terminal=color, no_color=not color, width=200, highlight=False, markup=False).print(
        table
    )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
