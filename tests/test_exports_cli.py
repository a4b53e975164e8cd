"""`vbestuur advise FLOW --answers FILE --format csv|csv-excel-nl|pdf|ics [--output FILE]`.

Why: a clerk scripts the exports and a reviewer checks them without a browser; the files must be
the very bytes the app's download buttons give (same builders), and bad input gives one line on
stderr with exit code 2. The other commands still reach the engine's CLI.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from vbestuur_app.cli import is_export, main
from vbestuur_app.exports import build_csv, build_csv_excel_nl
from vbestuur_engine import Engine

ANSWERS = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    return path


def _export(answers: Path, tmp_path: Path, fmt: str, *extra: str) -> bytes:
    out = tmp_path / f"out.{fmt}"
    code = main(["advise", "voorbeeld", "--answers", str(answers), "--format", fmt,
                 "--output", str(out), *extra])
    assert code == 0
    return out.read_bytes()


def test_pdf_is_the_tagged_result_document(answers: Path, tmp_path: Path) -> None:
    reader = PdfReader(io.BytesIO(_export(answers, tmp_path, "pdf", "--lang", "en")))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "Call 112 in acute danger." in reader.pages[0].extract_text()


def test_csv_files_equal_the_download_buttons(answers: Path, tmp_path: Path) -> None:
    engine = Engine.load()
    progress = engine.walk("voorbeeld", ANSWERS)
    assert _export(answers, tmp_path, "csv").decode("utf-8") == build_csv(engine, progress, "nl")
    excel = _export(answers, tmp_path, "csv-excel-nl").decode("utf-8")
    assert excel == build_csv_excel_nl(engine, progress, "nl") and excel.startswith("\ufeff")


def test_ics_has_the_evaluation_date(answers: Path, tmp_path: Path) -> None:
    data = _export(answers, tmp_path, "ics", "--evaluation", "2027-03-01",
                   "--new-term", "2030-04-01")
    starts = sorted(str(e.decoded("DTSTART")) for e in Calendar.from_ical(data).walk("VEVENT"))
    assert starts == ["2027-03-01", "2030-04-01"]


def test_stdout_when_no_output_is_given(answers: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "vbestuur_app.cli", "advise", "voorbeeld",
                           "--answers", str(answers), "--format", "pdf"],
                          capture_output=True, check=False, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith(b"%PDF-")


@pytest.mark.parametrize(("args", "message"), [
    (["advise", "bestaat-niet", "--format", "pdf"], "unknown flow"),
    (["advise", "voorbeeld", "--format", "csv", "--answers", "/nonexistent.json"],
     "cannot read answers"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], answers: Path,
                                          args: list[str], message: str) -> None:
    if "--answers" not in args:
        args = [*args, "--answers", str(answers)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_other_commands_reach_the_engine(capsys: pytest.CaptureFixture[str],
                                         answers: Path) -> None:
    assert not is_export(["advise", "voorbeeld", "--format", "md"])
    assert is_export(["advise", "voorbeeld", "--format=pdf"])
    assert main(["advise", "voorbeeld", "--answers", str(answers), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# voorbeeld")
