"""The toegankelijkheidsverklaring says what was measured, when and how, and nothing untrue.

Why: the statement is what a municipality publishes on; a claim it cannot back (or an old
"not tagged" after the PDFs became PDF/UA) misleads the people who rely on it. The numbers
come from the results file the browser sweep writes and checks (tests/browser/
test_accessibility.py), so here the page must show that file, in both languages.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from app_helpers import TIMEOUT, seed
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_app.pages import toegankelijkheid as statement
from vbestuur_service.localtime import format_day

CONFIGS = {f"{lang}-{device}" for lang in ("nl", "en") for device in ("desktop", "phone")}


def statement_script() -> None:
    from vbestuur_app.pages import toegankelijkheid

    toegankelijkheid.render()


def test_the_results_file_covers_every_language_and_screen_with_no_violation() -> None:
    """What the statement claims ("Nederlands en Engels, computer en telefoon", zero found)
    is what the file holds."""
    data = statement.measured_results()
    assert data is not None
    assert set(data["axe"]) == CONFIGS
    assert all(run["violations"] == 0 for run in data["axe"].values()), data["axe"]
    assert len({tuple(run["screens"]) for run in data["axe"].values()}) == 1, "same screens"
    assert {run["tool"].split()[0] for run in data["runs"]} == {"axe-core", "pa11y"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_statement_shows_date_method_and_results(lang: str) -> None:
    at = AppTest.from_function(statement_script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    at.run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown).replace("\\", "")
    data = statement.measured_results()
    assert data is not None
    when = statement.measured_on(data)
    assert when is not None
    assert _("Datum van de laatste meting: {date}.", lang, date=format_day(when, lang)) in text
    assert str(when.year) in text and when.isoformat() not in text, "a date as people write it"
    lines = statement.result_lines(data, lang)
    assert len(lines) == len(data["runs"]) == 2
    for line in lines:
        assert line in text
    assert "PDF/UA-1" in text and "veraPDF" in text and "WCAG-EM" in text
    assert "getagd (PDF/UA)" not in text and "not tagged" not in text.lower()
    headings = [h.value for h in at.get("markdown") if h.value.startswith("#")]
    assert not headings or headings[0].startswith("# ")


def test_no_file_means_no_claim(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert statement.measured_results(tmp_path / "missing.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert statement.measured_results(broken) is None
    assert statement.measured_on(None) is None
    runs = {"runs": [{"date": "2026-11-30"}, {"date": "2026-12-02"}, {"date": "2026-12-01"}]}
    assert statement.measured_on(json.loads(json.dumps(runs))) == dt.date(2026, 12, 2)
