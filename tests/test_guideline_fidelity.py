"""The steps quote the guideline word for word, and every step heading is the guideline's.

The guideline is the authority for all content. `rules/steps.yaml` carries each step's own
text (`guideline.nl`); this test holds it against the copy in ../shared/guideline. CI lays
shared/ beside the clone; elsewhere the test skips, except under CI=true where it must run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from vbestuur_engine import Engine

GUIDELINE = (Path(__file__).resolve().parent.parent.parent / "shared" / "guideline"
             / "leidraad-veilig-bestuur.txt")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def guideline() -> str:
    if not GUIDELINE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the guideline is missing at {GUIDELINE}")
        pytest.skip(f"the guideline is not at {GUIDELINE}")
    return _normal(GUIDELINE.read_text(encoding="utf-8"))


def test_every_step_quotes_the_guideline_verbatim(guideline: str) -> None:
    engine = Engine.load()
    for step_id, step in engine.content.steps.items():
        for paragraph in step.guideline.nl.split("\n\n"):
            assert _normal(paragraph) in guideline, f"step {step_id}: {paragraph[:60]!r}"


def test_steps_appear_in_the_guideline_in_order(guideline: str) -> None:
    positions = [guideline.find(f"Stap {n} ") for n in range(1, 22)]
    assert -1 not in positions and positions == sorted(positions)
