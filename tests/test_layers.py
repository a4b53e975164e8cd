"""The result in layers ("Doe nu", "Vandaag / deze week", "Goed om te weten"), the numbers to
dial (E.164 via phonenumbers) and the rules that keep "Doe nu" short on every path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbestuur_engine import Engine, check_content, phone_e164
from vbestuur_engine.layers import LAYER_OF_URGENCY, MAX_NOW_ITEMS
from vbestuur_engine.paths import all_paths
from vbestuur_engine.phone_text import phones_in_text, unknown_numbers

ROOT = Path(__file__).resolve().parent.parent
ENGINE = Engine.load()
DANGER = {"gevaar": "ja", "wat": ["bedreiging"], "rol": "raadslid", "beveiliging": "ja"}


def test_layers_split_the_advice_by_urgency_and_keep_its_order() -> None:
    progress = ENGINE.walk("incident", DANGER)
    layers = ENGINE.layers(progress)
    flat = [item.advice.id for _name, items in layers for item in items]
    assert flat == [hit.advice.id for hit in progress.advice]
    for name, items in layers:
        assert all(LAYER_OF_URGENCY[item.advice.urgency] == name for item in items)
    assert [item.advice.id for item in layers.now][:1] == ["bel-112"]
    assert {item.advice.urgency for item in layers.today} <= {"today", "soon"}


def test_doe_nu_items_carry_their_action_and_the_number_to_dial() -> None:
    layers = ENGINE.layers(ENGINE.walk("incident", DANGER))
    first = layers.now[0]
    assert first.action is not None and "112" in first.action.nl and "112" in first.action.en
    assert first.call is not None and first.call.dial == "112"
    assert first.call.uri == "tel:112;phone-context=+31"
    assert all(item.action is not None for item in layers.now)


def test_the_ondersteuningsteam_is_offered_as_an_e164_call() -> None:
    layers = ENGINE.layers(ENGINE.walk("wie-bellen", {"situatie": "gevaar"}))
    dials = [call.dial for call in layers.calls]
    assert dials == ["112", "+31703738314"]
    team = next(i for i in layers.today if i.advice.id == "ondersteuningsteam")
    assert team.call is not None and team.call.contact.phone == "070-373 83 14"
    assert team.call.uri == "tel:+31703738314"


def test_a_call_dials_e164_however_the_fact_writes_the_number() -> None:
    """The layer's `dial` is what the netwerklijst and the vCard use too (`phone.phone_e164`)."""
    layers = ENGINE.layers(ENGINE.walk("wie-bellen", {"situatie": "gevaar"}))
    for call in layers.calls:
        assert call.dial == phone_e164(call.contact.phone) != ""


def test_a_contact_may_be_written_in_e164(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    facts = tmp_path / "rules" / "facts.yaml"
    facts.write_text(facts.read_text().replace('phone: "070-373 83 14"',
                                               'phone: "+31703738314"'))
    content, problems = check_content(tmp_path)
    assert [p for p in problems if p.severity == "error"] == []
    assert content.facts["contact-ondersteuningsteam"].contact.phone == "+31703738314"  # type: ignore[union-attr]


def test_every_path_of_every_flow_has_at_most_three_doe_nu_items() -> None:
    """An independent count over the walked paths (the rule itself is cheaper)."""
    for compiled in ENGINE.compiled.values():
        for progress in all_paths(compiled):
            now = [h for h in progress.advice if h.advice.urgency == "now"]
            assert len(now) <= MAX_NOW_ITEMS, (compiled.id, dict(progress.answers))


FLOW = """id: fx
door: voorbeeld
title: {{nl: T, en: T}}
question: {{nl: V, en: Q}}
summary: {{nl: S, en: S}}
steps: [13, 14, 17]
start: q1
nodes:
  q1:
    type: question
    kind: yesno
    text: {{nl: Vraag, en: Question}}
    options:
      - {{value: ja, next: a}}
      - {{value: nee, next: b}}
      - {{value: weet-niet, next: b}}
  a:
    type: info
    text: {{nl: A, en: A}}
    advice: [bel-112, de-escaleren]
    next: einde
  b:
    type: info
    text: {{nl: B, en: B}}
    advice: [beveiliging-meewerken, vb-bel-112]
    next: einde
  einde:
    type: outcome
    title: {{nl: Klaar, en: Done}}
    advice:
      - meld-altijd
      - {{id: beveiliging-meewerken, when: {{question: q1, is: [{when}]}}}}
      - {{id: vb-bel-112, when: {{question: q1, is: [{when}]}}}}
"""


def _now_too_many(tmp_path: Path, when: str) -> list[str]:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "fx.yaml").write_text(FLOW.format(when=when))
    _content, problems = check_content(tmp_path)
    assert [p.rule for p in problems if p.severity == "error" and p.rule != "NOW-TOO-MANY"] == []
    return [p.message for p in problems if p.rule == "NOW-TOO-MANY"]


def test_four_now_items_that_never_meet_on_one_path_pass(tmp_path: Path) -> None:
    """Branch b's items come back on the outcome only where b was taken: 2 on every path,
    although a bound that ignores conditions sees 4 (the paths are then walked)."""
    assert _now_too_many(tmp_path, "nee, weet-niet") == []


def test_four_now_items_on_one_path_fail_at_the_outcome(tmp_path: Path) -> None:
    [message] = _now_too_many(tmp_path, "ja")
    assert "4 items" in message and "q1=ja" in message
    assert "bel-112" in message and "vb-bel-112" in message


def test_the_netwerklijst_matches_a_national_number_written_in_e164(tmp_path: Path) -> None:
    """Step 6 compares numbers as they dial, so a fact in E.164 still matches a typed number."""
    from vbestuur_engine.netwerklijst import initial_list, missing

    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    facts = tmp_path / "rules" / "facts.yaml"
    facts.write_text(facts.read_text().replace('phone: "070-373 83 14"',
                                               'phone: "+31 70 373 83 14"'))
    content, _problems = check_content(tmp_path)
    before = missing(initial_list(ENGINE.content, None, "nl"), ENGINE.content)
    assert "national" not in before
    assert missing(initial_list(ENGINE.content, None, "nl"), content) == before


def test_phones_in_text_finds_the_numbers_people_tap() -> None:
    text = ("Bel dag en nacht 070-373 83 14. Aangifte? Bel 0900-8844. Bel 112. "
            "Stap 12 uit 2024; gemeente 0123-456789; art. 1120.")
    spans = phones_in_text(text)
    assert [(s.written, s.dial) for s in spans] == [
        ("070-373 83 14", "+31703738314"), ("0900-8844", "+319008844"), ("112", "112")]
    assert all(text[s.start:s.end] == s.written for s in spans)
    assert [s.uri for s in spans] == ["tel:+31703738314", "tel:+319008844",
                                      "tel:112;phone-context=+31"]


def test_numbers_in_texts_that_do_not_exist_are_problems(tmp_path: Path) -> None:
    assert unknown_numbers("Bel 070-373 83 14 of 0900-8844, niet op 01-12-2026.") == ()
    assert unknown_numbers("Bel 070-373 83 1 of 0123-456789.") == ("070-373 83 1",
                                                                    "0123-456789")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    advice = tmp_path / "rules" / "advice" / "algemeen.yaml"
    advice.write_text(advice.read_text().replace("Weerbaar Bestuur: 070-373 83 14.",
                                                 "Weerbaar Bestuur: 070-373 83 1.", 1))
    _content, problems = check_content(tmp_path)
    [problem] = [p for p in problems if p.rule == "PHONE-INVALID"]
    assert "'070-373 83 1'" in problem.message and problem.file == "rules/advice/algemeen.yaml"
    lines = advice.read_text().splitlines()
    typo = next(n for n, line in enumerate(lines, 1) if "070-373 83 1." in line)
    assert problem.line == typo - 1  # the `nl: |` key of that text


def test_too_many_paths_to_walk_is_a_problem_not_a_silent_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vbestuur_engine.checks.layer_rules as layer_rules
    import vbestuur_engine.paths as paths

    monkeypatch.setattr(paths, "MAX_PATHS", 1)
    monkeypatch.setattr(layer_rules, "MAX_PATHS", 1)
    messages = _now_too_many(tmp_path, "nee, weet-niet")
    assert messages == ["more than 1 paths can differ in their 'Doe nu' items; only the first "
                        "were checked: split the flow"]
