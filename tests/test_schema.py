"""The committed JSON Schemas equal what the models generate; the models reject bad shapes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vbestuur_engine.jsonschema import SCHEMA_DIR, generated_schemas
from vbestuur_engine.schema import Condition, Text


@pytest.mark.parametrize("name", sorted(generated_schemas()))
def test_committed_schema_equals_generated(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == generated_schemas()[name], (
        f"docs/schema/{name} is stale: run `python -m vbestuur_engine.jsonschema`")


@pytest.mark.parametrize("data", [
    {"question": "q1"}, {"question": "q1", "is": []}, {"is": ["ja"]},
    {"question": "q1", "is": ["ja"], "all": []}, {},
])
def test_condition_needs_exactly_one_form(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Condition.model_validate(data)


def test_condition_forms_parse() -> None:
    cond = Condition.model_validate({"not": {"any": [{"question": "q", "is": ["ja"]}]}})
    assert cond.not_ is not None and cond.not_.any is not None


def test_text_falls_back_to_dutch() -> None:
    text = Text(nl="Bel 112.", en="Call 112.")
    assert (text.get("nl"), text.get("en"), text.get("de")) == ("Bel 112.", "Call 112.",
                                                                  "Bel 112.")
