"""The export builders, called as plain functions on a real walk of the example flow.

Why here and not in AppTest: a download button's bytes sit behind a mock media URL there, so the
builders are tested directly. The walk is `flows/examples/voorbeeld.yaml` answered to its end:
a council member, not in danger, threatened, not yet reported -> outcome `raadslid-einde`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pandas as pd
import pytest
from icalendar import Calendar
from pypdf import PdfReader

from vbestuur_app.exports import (
    build_csv,
    build_document,
    build_ics,
    build_markdown,
    build_pdf,
)
from vbestuur_app.exports.to_csv import FORMULA_START, neutralise
from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today

SCRIPT = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}
ADVICE_IDS = ["vb-aangifte", "vb-meld-altijd", "vb-opvang", "vb-netwerklijst"]
OPEN_STEPS = [6, 13, 14, 15, 16]
DUTCH = "Zoë’s naïeve café-bon van € 50"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def walk_to_end(engine: Engine, script: dict[str, str | list[str]] = SCRIPT) -> Progress:
    """Answer one question at a time, as a person would, until the flow ends."""
    answers: dict[str, str | list[str]] = {}
    progress = engine.walk("voorbeeld", answers)
    for _ in range(len(script) + 1):
        if progress.complete:
            break
        assert progress.next_question is not None
        answers[progress.next_question] = script[progress.next_question]
        progress = engine.walk("voorbeeld", answers)
    assert progress.outcome == "raadslid-einde"
    return progress


@pytest.fixture(scope="module")
def progress(engine: Engine) -> Progress:
    return walk_to_end(engine)


def local_with(value: str) -> LocalValues:
    return LocalValues(municipality="Eëmnes",
                       values={"meldprocedure": Text(nl=value, en=value)})


def flat(text: str) -> str:
    """Collapse line breaks and runs of spaces, as PDF text extraction wraps lines."""
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


# --- the shared result document ------------------------------------------------------------

def test_document_orders_advice_and_groups_open_steps_by_phase(engine, progress):
    doc = build_document(engine, progress, "nl", today=dt.date(2027, 3, 4))
    assert [a.id for a in doc.advice] == ADVICE_IDS
    assert [a.steps for a in doc.advice] == [(15,), (14,), (16,), (6,)]
    assert [(g.phase, [s.id for s in g.steps]) for g in doc.open_groups] == [
        ("vooraf", [6]), ("tijdens", [13, 14, 15, 16])]
    assert doc.outcome_title == "Meld het alsnog"
    assert doc.made == dt.date(2027, 3, 4)
    assert ("Heeft u het incident al gemeld?", "Nee") in doc.answers


def test_document_fills_in_local_values(engine, progress):
    doc = build_document(engine, progress, "nl", local_with("Bel Anouk op 0123."))
    meld = next(a for a in doc.advice if a.id == "vb-meld-altijd")
    assert meld.text.endswith("Bel Anouk op 0123.")
    assert "{term:" not in meld.text
    assert doc.municipality == "Eëmnes"


# --- Markdown --------------------------------------------------------------------------------

def test_markdown_has_advice_citations_open_steps_and_disclaimer(engine, progress):
    text = build_markdown(engine, progress, "nl")
    for hit in progress.advice:
        assert hit.advice.text.nl.split("{")[0].strip() in text
    for step in (15, 14, 16, 6):
        assert f"stap {step} (" in text
    for step in OPEN_STEPS:
        assert re.search(rf"^- \[ \] Stap {step}\. ", text, re.MULTILINE)
    assert "Bel 112 bij acuut gevaar." in text
    assert format_day(local_today(), "nl") in text


def test_markdown_in_english_uses_english_labels_and_text(engine, progress):
    text = build_markdown(engine, progress, "en")
    assert "## Advice" in text and "step 15 (" in text
    assert "File a criminal complaint (aangifte)" in text
    assert "Call 112 in acute danger." in text
    assert "Advies" not in text


def test_markdown_marks_an_unfinished_conversation(engine):
    halfway = engine.walk("voorbeeld", {"rol": "wethouder"})
    assert "nog niet afgerond" in build_markdown(engine, halfway, "nl")
    assert "nog niet afgerond" not in build_markdown(engine, walk_to_end(engine), "nl")


def test_markdown_defuses_remote_images_and_html(engine, progress):
    hostile = "![pixel](https://tracker.example/p.png) <img src=https://tracker.example/q>"
    text = build_markdown(engine, progress, "nl", local_with(hostile))
    assert "tracker.example/p.png" in text
    assert "![" not in text
    assert "<img" not in text


# --- CSV -------------------------------------------------------------------------------------

def read_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_csv_has_one_row_per_advice_and_per_step(engine, progress):
    frame = read_csv(build_csv(engine, progress, "nl"))
    advice = frame[frame["soort"] == "advies"]
    steps = frame[frame["soort"] == "stap"]
    assert list(advice["id"]) == ADVICE_IDS
    assert list(advice["stappen"]) == ["15", "14", "16", "6"]
    assert list(steps["id"]) == [str(s) for s in OPEN_STEPS]
    assert set(steps["status"]) == {"open"}
    assert "Ken de meldprocedure." in steps[steps["id"] == "14"]["acties"].iloc[0]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formula_cells_from_local_values(engine, start):
    """A hostile municipality value that starts the advice text must not become a formula."""
    bare = Text(nl="{term:meldprocedure}", en="{term:meldprocedure}")
    content = engine.content
    advice = dict(content.advice)
    advice["vb-meld-altijd"] = advice["vb-meld-altijd"].model_copy(update={"text": bare})
    hostile_engine = Engine(dataclasses.replace(content, advice=advice))
    hostile = f"{start}cmd|' /C calc'!A0"
    text = build_csv(hostile_engine, walk_to_end(hostile_engine), "nl", local_with(hostile))
    frame = read_csv(text)
    cell = frame.loc[frame["id"] == "vb-meld-altijd", "tekst"].iloc[0]
    assert cell == "'" + hostile
    for value in [*frame.columns, *frame.to_numpy().ravel()]:
        assert not str(value).startswith(FORMULA_START), value


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Meld het") == "Meld het"
    assert neutralise("") == ""
    assert neutralise("-1") == "'-1"


# --- PDF -------------------------------------------------------------------------------------

def test_pdf_round_trips_dutch_characters_and_content(engine, progress):
    data = build_pdf(engine, progress, "nl", local_with(DUTCH))
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for char in "ëïé’€":
        assert char in text, char
    assert DUTCH in text
    assert "Veilig Bestuur: Voorbeeld" in text
    assert format_day(local_today(), "nl") in text
    for step in (15, 14, 16, 6):
        assert f"stap {step} (" in text
    for step in OPEN_STEPS:
        assert f"Stap {step}." in text
    assert "Ken de meldprocedure." in text


def test_pdf_has_the_disclaimer_on_every_page_and_no_remote_resources(engine, progress):
    data = build_pdf(engine, progress, "nl")
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    for page in pages:
        assert "Dit is informatie, geen juridisch advies. Bel 112 bij acuut gevaar." in flat(
            page.extract_text())
    assert b"/FontFile2" in data
    assert b"/URI" not in data


def test_pdf_shows_facts_with_source_and_checked_date(engine, progress):
    fact = next(iter(engine.content.facts.values()))
    advice = dict(engine.content.advice)
    advice["vb-opvang"] = advice["vb-opvang"].model_copy(update={"facts": [fact.id]})
    with_fact = Engine(dataclasses.replace(engine.content, advice=advice))
    text = pdf_text(build_pdf(with_fact, walk_to_end(with_fact), "nl"))
    assert f"gecontroleerd op {fact.checked}" in text
    assert flat(fact.source.title)[:30] in text
    # Counted with its label: the export's own date line may be the same day as the check.
    markdown = flat(build_markdown(with_fact, walk_to_end(with_fact), "nl"))
    assert markdown.count(f"gecontroleerd op {fact.checked}") == 1


def test_pdf_in_english(engine, progress):
    text = pdf_text(build_pdf(engine, progress, "en"))
    assert "Call 112 in acute danger." in text
    assert "step 15 (" in text and "During an incident" in text


# --- ICS -------------------------------------------------------------------------------------

EVALUATION, NEW_TERM = dt.date(2027, 1, 15), dt.date(2030, 3, 20)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_yearly_evaluation_and_new_term(progress):
    first, second = events(build_ics(progress, "nl", EVALUATION, NEW_TERM))
    assert first.decoded("dtstart") == EVALUATION
    assert type(first.decoded("dtstart")) is dt.date
    assert first["rrule"]["FREQ"] == ["YEARLY"]
    assert "stap 20" in first["summary"]
    assert "ELA-afspraken" in first["description"]
    assert "netwerklijst" in first["description"]
    assert second.decoded("dtstart") == NEW_TERM
    assert "rrule" not in second
    assert "stap 21" in second["summary"]
    assert "netwerklijst" in second["description"]
    for event in (first, second):
        assert event.get("dtstamp") is not None
        assert "Bel 112 bij acuut gevaar." in event["description"]


def test_ics_uids_are_stable_and_distinct(progress):
    early = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    late = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    uids_a = [e["uid"] for e in events(build_ics(progress, "nl", EVALUATION, NEW_TERM,
                                                 stamp=early))]
    uids_b = [e["uid"] for e in events(build_ics(progress, "nl", EVALUATION, NEW_TERM,
                                                 stamp=late))]
    moved = [e["uid"] for e in events(build_ics(progress, "nl", EVALUATION.replace(day=16)))]
    assert uids_a == uids_b
    assert len(set(uids_a)) == 2
    assert moved[0] != uids_a[0]


def test_ics_without_new_term_and_in_english(progress):
    (only,) = events(build_ics(progress, "en", EVALUATION))
    assert "step 20" in only["summary"]
    assert "ELA agreements" in only["description"]
    assert "Call 112 in acute danger." in only["description"]
