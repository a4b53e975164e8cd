"""The workshop summary (Markdown and PDF): its figures equal the stored votes, and it shows no
figure for a question that fewer than k participants answered."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from workshop_vocabulary import BEHAVIOURS, GEREGELD_VALUES, POLLS

from vbestuur_app.workshop.export import build_summary, to_markdown
from vbestuur_app.workshop.export_pdf import to_pdf
from vbestuur_engine import Engine
from vbestuur_store import (
    Store,
    cast_vote,
    create_workshop,
    end_workshop,
    join_workshop,
    open_store,
    show_step,
    workshop_summary,
)
from vbestuur_store.models_workshop import VoteRow

PIN = "export-123"
STEPS = (1, 3, 5, 9)
# per step: the "geregeld" answers given (step 9 stays below k = 3)
GIVEN = {1: ["nee", "nee", "ja", "weet-niet", "deels", "nee"], 3: ["weet-niet"] * 3 + ["ja"],
         5: ["ja", "ja", "deels", "ja", "nee"], 9: ["nee", "nee"]}
COUNTS = {"nl": r"Ja (\d+) · Deels (\d+) · Nee (\d+) · Weet ik niet (\d+) \((\d+) antwoorden\)",
          "en": r"Yes (\d+) · Partly (\d+) · No (\d+) · Don't know (\d+) \((\d+) answers\)"}
STEP_WORD = {"nl": "Stap", "en": "Step"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'export.sqlite'}", env={})
    yield opened
    opened.close()


def _run_workshop(store: Store) -> str:
    code = create_workshop(store, PIN, STEPS, k=3).code
    tokens = [join_workshop(store, code) for _ in range(6)]
    for step in STEPS:
        show_step(store, code, PIN, step)
        for token, value in zip(tokens, GIVEN[step], strict=False):
            cast_vote(store, code, token, step, "geregeld", value, polls=POLLS)
    show_step(store, code, PIN, 1)
    for index, token in enumerate(tokens[:4]):
        cast_vote(store, code, token, 1, "gedrag", list(BEHAVIOURS[: index % 3]), polls=POLLS)
    end_workshop(store, code, PIN)
    return code


def _stored(store: Store, step: int, question: str) -> list[list[str]]:
    """The votes straight from the table, not through the store's counting code."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(VoteRow.answer).where(VoteRow.step_id == step,
                                                         VoteRow.question == question))
        return [list(answer) for (answer,) in rows]


def _sections(text: str, lang: str) -> dict[int, str]:
    """The text of each step's block, from its heading to the next step heading."""
    flat = " ".join(text.replace("\\", "").split())
    word = STEP_WORD[lang]
    starts = [(int(m.group(1)), m.start()) for m in re.finditer(rf"{word} (\d+): ", flat)]
    found: dict[int, str] = {}
    for (step, start), (_next, end) in zip(starts, [*starts[1:], (0, len(flat))], strict=True):
        found.setdefault(step, flat[start:end])
    return found


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", ["markdown", "pdf"])
def test_export_figures_equal_the_stored_votes(store: Store, engine: Engine, lang: str,
                                               kind: str) -> None:
    code = _run_workshop(store)
    doc = build_summary(engine, workshop_summary(store, code, PIN, polls=POLLS), lang)
    text = to_markdown(doc) if kind == "markdown" else _pdf_text(to_pdf(doc))
    sections = _sections(text, lang)
    assert set(sections) >= set(STEPS)
    for step in STEPS:
        stored = Counter(answer[0] for answer in _stored(store, step, "geregeld"))
        match = re.search(COUNTS[lang], sections[step])
        if sum(stored.values()) < 3:
            assert match is None, f"step {step}: figures below k"
            assert str(sum(stored.values())) in sections[step]
            continue
        assert match is not None, sections[step]
        shown = [int(n) for n in match.groups()]
        assert shown == [*(stored[v] for v in GEREGELD_VALUES), sum(stored.values())]


def test_export_lists_open_and_unknown_steps_and_experiences(store: Store,
                                                             engine: Engine) -> None:
    code = _run_workshop(store)
    summary = workshop_summary(store, code, PIN, polls=POLLS)
    # step 5 (3 ja of 5: no two thirds) is "deels" under the verdict rule of docs/workshop.md
    assert summary.open_steps == (1, 5) and summary.unknown_steps == (3,)
    markdown = to_markdown(build_summary(engine, summary, "nl"))
    open_part = markdown.split("## Open volgens de zaal")[1].split("## Onbekend")[0]
    unknown_part = markdown.split("## Onbekend volgens de zaal")[1]
    assert "Stap 1: Bespreken en taboe doorbreken" in open_part
    assert "Stap 3: Beleid maken én implementeren" in unknown_part
    assert "Stap 9" not in open_part + unknown_part  # below k: not judged
    experiences = _stored(store, 1, "gedrag")
    line = next(ln for ln in markdown.splitlines() if "Meegemaakt in het afgelopen jaar" in ln)
    assert f"({len(experiences)} antwoorden)" in line
    assert f"Uitschelden {sum('uitschelden' in e for e in experiences)}" in line
    assert f"Geen van deze {sum(not e for e in experiences)}" in line
    assert "Let op: de workshop liep nog" not in markdown
