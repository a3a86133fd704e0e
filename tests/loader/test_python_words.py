"""English messages never speak of Python (`instance of Region`, `Decimal object`, `float`): for the errors
whose pydantic wording does, the catalog's own English is said, as its Chinese is in zh."""

from __future__ import annotations

import pytest

from salesplan import codes
from salesplan.loader import load_text

PLAN = """\
salesplan: 1
plan: {{name: Q3, period: {{start: 2026-07-01, end: 2026-09-30}}, unit: 万元}}
team:
  regions: [{region}]
targets:
  - {{id: T1, metric: revenue, value: 500, baseline: {baseline}, commit: {commit}}}
budget: {budget}
"""
GOOD = {"region": "{id: east-a}", "baseline": "400", "commit": "{east-a: 1}", "budget": "{total: 1}"}
CASES = [
    (
        "region",
        "east-a",
        "team.regions[0]: should be a mapping (key: value) (got 'east-a')",
        "team.regions[0]：应为映射（键: 值）（实际为 'east-a'）",
    ),
    (
        "budget",
        "[1]",
        "budget: should be a mapping (key: value) (got '[1]')",
        "budget：应为映射（键: 值）（实际为 '[1]'）",
    ),
    (
        "baseline",
        "{a: 1}",
        "targets[0].baseline: should be a number (got '{a: 1}')",
        "targets[0].baseline：应为数字（实际为 '{a: 1}'）",
    ),
    (
        "commit",
        "[1]",
        "targets[0].commit: should be a mapping (key: value) (got '[1]')",
        "targets[0].commit：应为映射（键: 值）（实际为 '[1]'）",
    ),
]


@pytest.mark.parametrize(("field", "written", "en", "zh"), CASES)
def test_a_value_of_the_wrong_shape_is_said_in_the_catalogs_words(field: str, written: str, en: str, zh: str) -> None:
    fields = GOOD | {field: written}
    loaded = load_text(PLAN.format(**fields), "plan.yaml")
    found = [(d.code, d.message, d.message_zh) for d in loaded.diagnostics]
    assert found == [(codes.INVALID_VALUE, en, zh)]
    for python in ("instance of", "Decimal", "float", "object", "dictionary", "Input should"):
        assert python not in en
