"""The `vbestuur` command line: JSON shapes (a contract), exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vbestuur_engine.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_shape_on_the_project(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert set(data) == {"ok", "flows", "steps", "problems", "readability"}
    assert data["steps"] == list(range(1, 22))
    bands = data["readability"]["bands"]
    assert sum(bands.values()) == data["readability"]["texts"] > 0
    assert "60–70 normaal (B1)" in bands
    example = next(f for f in data["flows"] if f["id"] == "voorbeeld")
    assert example == {"id": "voorbeeld", "questions": 4, "outcomes": 3}


def test_check_reports_problems_with_exit_1(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "flows" / "examples", tmp_path / "flows")
    broken = tmp_path / "flows" / "voorbeeld.yaml"
    broken.write_text(broken.read_text().replace("next: gevaar", "next: nergens"))
    code, out, _ = run(capsys, "check", "--content", str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    problem = next(p for p in data["problems"] if p["rule"] == "DANGLING-REF")
    assert set(problem) >= {"file", "line", "col", "rule", "message"}
    assert problem["file"] == "flows/voorbeeld.yaml" and problem["line"] == 26
    code, out, _ = run(capsys, "check", "--content", str(tmp_path))
    assert "flows/voorbeeld.yaml:26:5: DANGLING-REF" in out


def test_paths_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "paths", "voorbeeld", "--format", "json")
    records = json.loads(out)
    assert code == 0 and len(records) > 3
    for record in records:
        assert set(record) == {"answers", "outcome", "advice", "checklist"}
        assert record["outcome"] in {"einde", "ernstig", "raadslid-einde"}
        assert all(set(a) == {"id", "text", "steps"} and a["steps"] for a in record["advice"])
        assert {"open", "done", "na"} <= set(record["checklist"])


def test_advise_json_shape_and_next_question(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rol": "raadslid", "gevaar": "ja"}))
    code, out, _ = run(capsys, "advise", "voorbeeld", "--answers", str(answers), "--lang", "en")
    data = json.loads(out)
    assert code == 0 and data["complete"] is False
    assert data["next_question"]["id"] == "vormen"
    assert data["next_question"]["text"] == "What happened?"
    assert {"value": "fysiek", "label": "Physical aggression"} in data["next_question"]["options"]
    assert data["advice"] == [{"id": "vb-bel-112", "text": "Are you in danger now? Call 112.",
                               "steps": [13], "facts": [], "layer": "now",
                               "action": "Call 112 if you are in danger now.", "call": "112"}]
    assert {"step": 14, "title": data["checklist"][2]["title"], "status": "open"} in \
        data["checklist"]


def test_advise_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rol": "raadslid", "gevaar": "ja", "vormen": ["fysiek"]}))
    code, out, _ = run(capsys, "advise", "voorbeeld", "--answers", str(answers),
                       "--format", "md")
    assert code == 0 and out.startswith("# voorbeeld")
    assert "### Doe nu\n- Bent u nu in gevaar? Bel 112. (stap 13)" in out
    assert out.index("### Doe nu") < out.index("### Vandaag / deze week")


def test_graph_is_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "voorbeeld")
    assert code == 0 and out.startswith("flowchart TD\n")
    assert 'n_gevaar -->|"Ja"| n_info_112' in out


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["paths", "bestaat-niet"], "", "unknown flow 'bestaat-niet'"),
    (["advise", "voorbeeld", "--answers", "-"], "{not json", "not valid JSON"),
    (["advise", "voorbeeld", "--answers", "-"], "[1, 2]", "must be a JSON object"),
    (["advise", "voorbeeld", "--answers", "-"], '{"x": "y"}', "no question 'x'"),
    (["advise", "voorbeeld", "--answers", "-"], '{"rol": "koning"}', "'koning' is not one of"),
    (["advise", "voorbeeld", "--answers", "/nonexistent.json"], "", "cannot read answers"),
])
def test_bad_input_gives_one_line_and_exit_2(args: list[str], stdin: str, message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "vbestuur_engine.cli", *args], input=stdin,
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_check_text_ends_with_the_readability_distribution(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    readability, summary = out.splitlines()[-2:]
    assert code == 0 and summary.startswith("0 error(s)")
    assert readability.startswith("readability (Flesch–Douma, ") and "below B1 (60)" in readability
    assert "60–70 normaal (B1): " in readability and "0–30 zeer moeilijk: " in readability
