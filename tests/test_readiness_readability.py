"""Readiness summaries (every phase, also at 0%; the three open steps to do first; what a
phase measures) and the Flesch–Douma B1 threshold with its distribution."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbestuur_engine import ChecklistItem, Engine, check_content, readiness_summary
from vbestuur_engine.readability import (
    B1_MIN_SCORE,
    BANDS,
    band_of,
    distribution,
    flesch_douma,
    scored_texts,
)
from vbestuur_engine.readiness import readiness_measure
from vbestuur_engine.review import content_review

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine.load()
QUESTIONS = ("bespreken", "norm", "risicoanalyse", "netwerklijst", "politiecontact", "woning",
             "training", "verzekering", "melden", "nieuwe-termijn")


def _gereedheid(answer: str, known: list[str]) -> tuple[ChecklistItem, ...]:
    answers = {"rol": "raadslid", **dict.fromkeys(QUESTIONS, answer), "incident": known}
    progress = ENGINE.walk("gereedheid", answers)
    assert progress.complete
    return progress.checklist


def test_a_phase_at_zero_percent_is_still_in_the_summary() -> None:
    summary = readiness_summary(_gereedheid("nee", ["geen"]))
    assert [p.phase for p in summary.phases] == ["vooraf", "tijdens", "erna"]
    tijdens = summary.phases[1]
    assert tijdens.applies and tijdens.score == 0.0 and tijdens.open == tijdens.applicable == 5


def test_incident_steps_measure_being_prepared_not_having_done_it() -> None:
    summary = readiness_summary(_gereedheid("ja", ["aangifte", "beveiliging"]))
    measures = {p.phase: p.measure for p in summary.phases}
    assert measures == {"vooraf": "arranged", "tijdens": "prepared", "erna": "mixed"}
    assert all(readiness_measure(ENGINE.content.steps[s]) == "prepared" for s in range(13, 20))
    assert readiness_measure(ENGINE.content.steps[21]) == "arranged"
    assert summary.phases[1].score == 1.0


def test_the_three_open_steps_to_do_first_start_with_the_incident_steps() -> None:
    summary = readiness_summary(_gereedheid("nee", ["geen"]))
    assert [i.step.id for i in summary.top_open] == [13, 14, 15]
    partly = readiness_summary(_gereedheid("ja", ["woordvoering", "aangifte", "beveiliging"]))
    assert [i.step.id for i in partly.top_open] == [18, 19]


def test_the_actor_puts_their_own_steps_first() -> None:
    checklist = _gereedheid("nee", ["geen"])
    first = readiness_summary(checklist, actor="raad").top_open
    assert [i.step.id for i in first] == [1, 2, 13]
    assert "raad" not in first[2].step.owners


@pytest.mark.parametrize(("score", "band"), [
    (-5.0, BANDS[0][1]), (29.9, BANDS[0][1]), (30.0, BANDS[1][1]), (59.9, BANDS[2][1]),
    (60.0, "60–70 normaal (B1)"), (95.0, BANDS[-1][1]),
])
def test_band_of_follows_doumas_table(score: float, band: str) -> None:
    assert band_of(score) == band


def test_the_warning_fires_below_b1_and_not_above(tmp_path: Path) -> None:
    """A text the old threshold (30) let pass is now flagged; an easy one is not."""
    hard = ("Vraag de griffie naar het geweldsprotocol tegen agressie van uw gemeente. Daarin "
            "staan de afspraken over registratie, opvang en communicatie na een incident.")
    easy = "Meld elk incident. Ook als het klein lijkt. Bel de griffie. Zij helpen u verder."
    assert 30 <= flesch_douma(hard) < B1_MIN_SCORE <= flesch_douma(easy + " Dat is fijn.")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "rules" / "advice" / "zz.yaml").write_text(
        f'advice:\n  - id: zz-hard\n    text: {{nl: "{hard}", en: Hard.}}\n    steps: [1]\n'
        f'  - id: zz-easy\n    text: {{nl: "{easy} Dat is fijn.", en: Easy.}}\n'
        f"    steps: [1]\n")
    _content, problems = check_content(tmp_path)
    assert [p for p in problems if p.severity == "error"] == []
    flagged = {p.line for p in problems if p.rule == "READABILITY" and
               p.file == "rules/advice/zz.yaml"}
    assert flagged == {3}


def test_the_distribution_counts_every_scored_text_once() -> None:
    scored = scored_texts(ENGINE.content)
    counts = dict(distribution(scored))
    assert list(counts) == [name for _lower, name in BANDS]
    assert sum(counts.values()) == len(scored) > 100
    assert [s.score for s in scored] == sorted(s.score for s in scored)


def test_the_review_document_has_the_readability_section() -> None:
    document = content_review(ENGINE)
    section = document.split("## Readability", 1)[1]
    scored = scored_texts(ENGINE.content)
    below = sum(1 for s in scored if s.score < B1_MIN_SCORE)
    assert f"Below B1: **{below}**" in section
    assert f"| {scored[0].score:.0f} | {scored[0].label} |" in section
