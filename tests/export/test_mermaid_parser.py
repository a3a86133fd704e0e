"""The Markdown charts are read by mermaid's own parser (@mermaid-js/parser, from npm, run by node).

That parser knows `pie` (and mermaid's newer diagrams) but not yet `xychart-beta` or `gantt`, whose
grammar tests/export/test_print.py checks line by line. `.ci/run` installs the parser pinned
by `.ci/mermaid/package-lock.json` (`npm ci`); without it the test is skipped, or fails under
SALESPLAN_REQUIRE_CLIENTS=1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from repo_files import REFERENCE, REPO
from salesplan.cli.app import app

PARSER = REPO / ".ci" / "mermaid" / "node_modules" / "@mermaid-js" / "parser"
SCRIPT = REPO / ".ci" / "mermaid" / "parse.mjs"  # beside node_modules, so its import resolves
BLOCK = re.compile(r"```mermaid\n(.*?)```", re.S)


def _parser_or_skip() -> None:
    if shutil.which("node") and PARSER.exists():
        return
    if os.environ.get("SALESPLAN_REQUIRE_CLIENTS"):
        pytest.fail("mermaid's parser is required: run `npm install --prefix .ci/mermaid @mermaid-js/parser`")
    pytest.skip("mermaid's parser is not installed (.ci/run installs it)")


def _parse(blocks: list[tuple[str, str]]) -> list[str | None]:
    payload = json.dumps([{"kind": kind, "text": text} for kind, text in blocks])
    done = subprocess.run(["node", str(SCRIPT)], input=payload, capture_output=True, text=True, timeout=120, check=True)
    results: list[str | None] = json.loads(done.stdout)
    return results


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pie_charts_of_the_markdown_export_parse_as_mermaid(lang: str) -> None:
    _parser_or_skip()
    result = CliRunner().invoke(app, ["export", str(REFERENCE), "-o", "-", "-f", "md", "--lang", lang])
    assert result.exit_code == 0, result.output
    pies = [("pie", text) for text in BLOCK.findall(result.output) if text.startswith("pie")]
    assert len(pies) >= 2  # one per split target's first level
    assert _parse(pies) == [None] * len(pies)


def test_the_parser_does_refuse_a_broken_pie() -> None:
    _parser_or_skip()
    assert _parse([("pie", 'pie title T\n    "A" : x\n')])[0] is not None
