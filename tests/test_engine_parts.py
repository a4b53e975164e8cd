"""Readiness per phase, term rendering and finding, Mermaid escaping, content loading edge
cases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbestuur_engine import Engine, check_content, readiness_by_phase, render
from vbestuur_engine.mermaid import flow_to_mermaid
from vbestuur_engine.schema import LocalValues, Option, QuestionNode, Text
from vbestuur_engine.text import terms_in

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine.load()


def test_readiness_counts_done_as_one_partial_as_half_and_skips_na() -> None:
    progress = ENGINE.walk("voorbeeld", {"rol": "wethouder", "gevaar": "nee",
                                         "vormen": ["uitschelden"], "gemeld": "ja"})
    phases = {r.phase: r for r in readiness_by_phase(progress.checklist)}
    assert set(phases) == {"vooraf", "tijdens"}
    tijdens = phases["tijdens"]
    assert (tijdens.applicable, tijdens.done, tijdens.open) == (3, 1, 2)
    assert tijdens.score == pytest.approx(1 / 3)
    assert phases["vooraf"].score == 0.0


def test_render_uses_local_value_then_national_default() -> None:
    text = Text(nl="Zie: {term:meldprocedure}", en="See: {term:meldprocedure}")
    default = ENGINE.content.terms["meldprocedure"].default
    assert render(text, "nl", ENGINE.content.terms) == "Zie: " + default.nl
    local = LocalValues(municipality="X", values={"meldprocedure": Text(nl="Bel Jan.",
                                                                        en="Call Jan.")})
    assert render(text, "en", ENGINE.content.terms, local) == "See: Call Jan."


def test_mermaid_labels_cannot_break_out_of_quotes() -> None:
    text = flow_to_mermaid(ENGINE.flow("voorbeeld"))
    assert text.count('"') % 2 == 0
    assert 'n_rol{{"Wat is uw rol?"}}' in text


def test_missing_steps_are_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    steps = tmp_path / "rules" / "steps.yaml"
    cut = steps.read_text().split("\n  - id: 21")[0] + "\n"
    steps.write_text(cut)
    _content, problems = check_content(tmp_path)
    assert any(p.rule == "STEPS-INCOMPLETE" and "[21]" in p.message for p in problems)
    workshop = [p for p in problems if p.file == "rules/workshop.yaml"]
    assert workshop and all(p.rule == "DANGLING-REF" and p.message == "unknown step 21"
                            for p in workshop), "the workshop's prompts for step 21 dangle"
    lines = (tmp_path / "rules" / "workshop.yaml").read_text(encoding="utf-8").splitlines()
    assert all("21" in lines[p.line - 1] for p in workshop)


def test_missing_files_are_reported(tmp_path: Path) -> None:
    _content, problems = check_content(tmp_path)
    files = {p.file for p in problems if p.rule == "MISSING-FILE"}
    assert files == {"rules/steps.yaml", "rules/facts.yaml", "rules/terms.yaml",
                     "rules/workshop.yaml"}


def test_readability_warns_without_failing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    long = " ".join(["gemeentelijkebeveiligingsverantwoordelijkheidsverdeling"] * 30)
    (tmp_path / "rules" / "advice" / "zz.yaml").write_text(
        f"advice:\n  - id: zz-lang\n    text: {{nl: {long}., en: Long.}}\n    steps: [1]\n")
    _content, problems = check_content(tmp_path)
    warnings = [p for p in problems if p.rule == "READABILITY"]
    assert warnings and all(p.severity == "warning" for p in warnings)
    assert not [p for p in problems if p.severity == "error"]


def test_authoring_guide_documents_every_rule() -> None:
    from vbestuur_engine.checks import RULES

    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert [rule for rule in RULES if f"`{rule}`" not in guide] == []


def test_terms_in_finds_an_open_term_anywhere_inside_a_node() -> None:
    label = Text(nl="Ja, zie {term:meldprocedure}", en="Yes, see {term:meldprocedure}")
    node = QuestionNode(type="question", kind="single", text=Text(nl="Vraag?", en="Question?"),
                        options=[Option(value="ja", label=label), Option(value="nee")])
    assert terms_in(node) == ["meldprocedure"]
    assert terms_in(node.model_copy(update={"options": [Option(value="nee")]})) == []


def test_a_flow_knows_whether_its_questions_show_an_open_term(tmp_path: Path) -> None:
    """What lets a first question skip the municipality profile (store_views/local.py)."""
    for folder in ("rules", "flows"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    flow = tmp_path / "flows" / "incident.yaml"
    text = flow.read_text(encoding="utf-8")
    before = "en: Or is someone else in danger, for example your family?"
    flow.write_text(text.replace(before, before + " {term:meldprocedure}"), encoding="utf-8")
    changed = Engine.load(tmp_path).flow("incident")
    assert changed.terms_before_result
    assert not ENGINE.flow("incident").terms_before_result  # the shipped questions have none
