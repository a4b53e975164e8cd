"""Coverage of the YAML scenarios: every flow has enough, and they pass.

The scenarios themselves are collected from tests/scenarios/*.yaml by the plugin in
conftest.py (run `pytest tests/scenarios` to see each one). This file checks that every flow
has at least three of them, one of which asks the flow's guiding question, and runs every
scenario once more through the same comparison so `pytest tests/test_scenarios.py` alone
tells a content author whether the scenarios hold.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scenario_plugin import compare

from vbestuur_engine import Engine
from vbestuur_engine.loader import load_yaml_file

SCENARIOS = Path(__file__).parent / "scenarios"
ENGINE = Engine.load()
REAL_FLOWS = sorted(f.id for f in ENGINE.content.flows.values() if f.door != "voorbeeld")


def _scenarios(flow_id: str) -> list[dict[str, object]]:
    path = SCENARIOS / f"{flow_id}.yaml"
    if not path.exists():
        return []
    loaded = load_yaml_file(path)
    assert not loaded.problems, loaded.problems
    assert loaded.data["flow"] == flow_id, f"{path.name} names flow {loaded.data['flow']!r}"
    return list(loaded.data["scenarios"])


@pytest.mark.parametrize("flow_id", REAL_FLOWS)
def test_every_flow_has_three_scenarios_one_with_its_guiding_question(flow_id: str) -> None:
    scenarios = _scenarios(flow_id)
    assert len(scenarios) >= 3, f"tests/scenarios/{flow_id}.yaml needs at least 3 scenarios"
    question = ENGINE.flow(flow_id).flow.question.nl.strip().rstrip("?").lower()
    names = [str(s.get("name", "")).lower() for s in scenarios]
    assert any(question[:40] in name for name in names), (
        f"no scenario of {flow_id} is named after its guiding question {question!r}")


@pytest.mark.parametrize("flow_id", [*REAL_FLOWS, "voorbeeld"])
def test_scenarios_hold(flow_id: str) -> None:
    failures = []
    for scenario in _scenarios(flow_id):
        progress = ENGINE.walk(flow_id, scenario.get("answers") or {})  # type: ignore[arg-type]
        failures += [f"{scenario['name']}: {d}" for d in compare(ENGINE, progress, scenario)]
    assert not failures, "\n".join(failures) + "\n(details: pytest tests/scenarios)"


def test_text_assertions_can_fail_and_pass() -> None:
    """`text_excludes` and `text_at_most_once` report a difference when the result breaks them.

    Someone in danger is told "Bel 112" (title) and "Bel dan meteen 112" (text): so "112" is
    said, and said more than once; a string that is never said passes both checks.
    """
    scenario = {"answers": {"gevaar": "ja"}, "expect": {
        "text_excludes": ["112", "niet in de tekst"],
        "text_at_most_once": ["112", "niet in de tekst"],
        "text_contains": ["Bel 112", "niet in de tekst"]}}
    progress = ENGINE.walk("incident", scenario["answers"])  # type: ignore[arg-type]
    differences = compare(ENGINE, progress, scenario)
    assert differences[:2] == [
        "result text does not contain 'niet in de tekst'",
        "result text contains '112', which must never be said here"]
    assert len(differences) == 3
    said = re.fullmatch(r"result text says '112' (\d+) times \(at most once\)", differences[2])
    assert said and int(said.group(1)) >= 2
