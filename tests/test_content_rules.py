"""What the guideline demands of the real content (issue 3's "done when"), checked on every path."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbestuur_engine import Engine
from vbestuur_engine.content import check_content
from vbestuur_engine.paths import all_paths
from vbestuur_engine.review import content_review

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine.load()
FLOW_IDS = ["melden", "wie-bellen", "serieus", "beveiliging", "woning", "gemeenteregels",
            "zorgplicht", "incident", "nazorg", "gereedheid", "organisatie"]
QUESTION_FLOWS = FLOW_IDS[:7]


def test_all_eleven_flows_exist_with_their_doors() -> None:
    doors = {f.id: f.door for f in ENGINE.content.flows.values() if f.door != "voorbeeld"}
    assert sorted(doors) == sorted(FLOW_IDS)
    assert {doors[f] for f in QUESTION_FLOWS} == {"vraag"}
    assert (doors["incident"], doors["gereedheid"], doors["organisatie"]) == (
        "incident", "gereedheid", "organisatie")


@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_every_path_gives_advice_that_cites_a_step(flow_id: str) -> None:
    for progress in all_paths(ENGINE.flow(flow_id)):
        assert progress.advice, f"{flow_id}: no advice on path {progress.path}"
        assert all(hit.advice.steps for hit in progress.advice)


def test_every_path_of_melden_cites_step_14() -> None:
    for progress in all_paths(ENGINE.flow("melden")):
        cited = {s for hit in progress.advice for s in hit.advice.steps}
        assert 14 in cited, f"melden path {progress.path} does not say to report (step 14)"


def test_incident_asks_about_immediate_danger_first_and_advises_after_one_answer() -> None:
    compiled = ENGINE.flow("incident")
    first = compiled.node(compiled.flow.start)
    assert first.type == "question"
    assert "gevaar" in first.text.nl.lower()
    danger = next(o.value for o in first.options if o.value in ("ja", "gevaar"))
    progress = ENGINE.walk("incident", {compiled.flow.start: danger})
    assert progress.advice[0].advice.urgency == "now"
    assert "112" in progress.advice[0].advice.text.nl


def test_every_step_is_used_by_some_flow() -> None:
    used: set[int] = set()
    for compiled in ENGINE.compiled.values():
        if compiled.flow.door == "voorbeeld":
            continue
        used |= set(compiled.flow.steps) | set(compiled.flow.checklist_steps or [])
        for progress in all_paths(compiled):
            used |= {s for hit in progress.advice for s in hit.advice.steps}
    assert sorted(set(range(1, 22)) - used) == []


def test_every_fact_cited_by_advice_has_a_source_and_a_date() -> None:
    for advice in ENGINE.content.advice.values():
        for fact_id in advice.facts:
            fact = ENGINE.content.facts[fact_id]
            assert fact.source.title and fact.checked and fact.confidence in ("H", "M")


def test_the_committed_content_review_is_current() -> None:
    committed = (ROOT / "docs" / "content-review.md").read_text(encoding="utf-8")
    assert committed == content_review(ENGINE), (
        "docs/content-review.md is stale: run `vbestuur review --output docs/content-review.md`")


@pytest.mark.parametrize("role", ["burgemeester", "wethouder", "raadslid"])
def test_gereedheid_asks_the_role_first_and_only_what_applies(role: str) -> None:
    compiled = ENGINE.flow("gereedheid")
    assert compiled.flow.role_question == compiled.flow.start
    for progress in all_paths(compiled):
        if progress.answers[compiled.flow.start] != role:
            continue
        for item in progress.checklist:
            if role not in item.step.roles:
                assert item.status == "na", f"step {item.step.id} does not apply to {role}"


def test_the_project_content_has_no_warning_and_reads_at_b1() -> None:
    """The B1 threshold is a warning (the app skips warning rules when it loads content), so
    this test is what keeps the project's own content above it in `make test`."""
    _, problems = check_content(ROOT)
    assert [str(p) for p in problems] == []
