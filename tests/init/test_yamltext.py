"""User text in the rendered YAML always reads back exactly, whatever it holds."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from salesplan.scaffold.yamltext import person_id, usable, yaml_scalar


@given(st.text(min_size=1).filter(usable))
def test_any_usable_text_reads_back_in_block_and_flow_context(text: str) -> None:
    scalar = yaml_scalar(text)
    assert yaml.safe_load(f"k: {scalar}\n") == {"k": text}
    assert yaml.safe_load(f"- {{id: {scalar}, role: director}}\n") == [{"id": text, "role": "director"}]


def test_plain_where_it_can_be() -> None:
    assert [yaml_scalar(t) for t in ("王芳", "grace.chen", "2026 年第三季度新产品上市推广计划")] == [
        "王芳",
        "grace.chen",
        "2026 年第三季度新产品上市推广计划",
    ]
    assert [yaml_scalar(t) for t in ("yes", "12", "null")] == ['"yes"', '"12"', '"null"']


def test_person_ids_hold_no_spaces() -> None:
    assert [person_id(n) for n in ("陈静", "Grace Chen", "Mary  Ann Lee")] == ["陈静", "grace.chen", "mary.ann.lee"]
