"""`salesplan schema`: print the JSON Schema of plan format 1."""

from __future__ import annotations

from salesplan.cli.common import ForceOption, Lang, LangOption, OutputOption, check_output, emit
from salesplan.i18n import _

HELP = _("Print the JSON Schema of plan format 1 (for editors and check-jsonschema).")
SUMMARY = _("The JSON Schema of plan format 1, for editors.")


def schema(output: OutputOption = None, force: ForceOption = False, lang: LangOption = Lang.zh) -> None:
    """`salesplan schema` (its help is HELP)."""
    from salesplan.model.schema import schema_text

    check_output(output, force, lang=lang.value)
    emit(schema_text(), output, force, lang.value)
