"""The hardened YAML loader: strings stay strings, duplicates and syntax errors are located."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbestuur_engine import construct
from vbestuur_engine.loader import load_yaml_file, load_yaml_text


def test_yes_no_on_off_ja_nee_stay_strings() -> None:
    loaded = load_yaml_text("a: [yes, no, on, off, ja, nee, Yes, NO]\n", "x.yaml")
    assert loaded.data == {"a": ["yes", "no", "on", "off", "ja", "nee", "Yes", "NO"]}


def test_only_true_and_false_are_booleans() -> None:
    assert load_yaml_text("a: true\nb: false\n", "x.yaml").data == {"a": True, "b": False}


def test_dates_are_not_converted() -> None:
    assert load_yaml_text("checked: 2026-11-01\n", "x.yaml").data == {"checked": "2026-11-01"}


def test_duplicate_key_is_reported_at_the_second_occurrence() -> None:
    loaded = load_yaml_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert [(p.rule, p.line, p.col) for p in loaded.problems] == [("DUPLICATE-KEY", 3, 1)]
    assert "first at line 1" in loaded.problems[0].message


def test_positions_are_kept_for_keys_and_items() -> None:
    loaded = load_yaml_text("top:\n  items:\n    - x\n    - y\n", "x.yaml")
    assert loaded.source.lookup(("top", "items", 1)) == (4, 7)
    assert loaded.source.lookup(("top", "nothere", 5)) == (1, 1)


def test_syntax_error_becomes_a_problem_not_an_exception() -> None:
    loaded = load_yaml_text("a: [1, 2\n", "x.yaml")
    assert loaded.data is None
    assert loaded.problems[0].rule == "YAML-SYNTAX"
    assert str(loaded.problems[0]).startswith("x.yaml:2:1: YAML-SYNTAX ")


def test_unsafe_tags_are_refused() -> None:
    loaded = load_yaml_text("a: !!python/object/apply:os.system ['echo hi']\n", "x.yaml")
    assert loaded.problems and loaded.problems[0].rule == "YAML-SYNTAX"


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    loaded = load_yaml_file(tmp_path / "missing.yaml")
    assert loaded.problems[0].rule == "YAML-SYNTAX"
    assert "cannot read" in loaded.problems[0].message


def test_alias_bombs_are_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, "
              f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]
    loaded = load_yaml_text("\n".join(lines) + "\n", "bomb.yaml")
    assert [p.rule for p in loaded.problems] == ["TOO-MANY-VALUES"]
    assert "more than 1,000,000 values" in loaded.problems[0].message


def test_small_aliases_are_allowed_and_shared() -> None:
    loaded = load_yaml_text("a: &t {nl: Ja, en: Yes}\nb: *t\nc: [*t, *t]\n", "x.yaml")
    assert loaded.problems == []
    assert loaded.data["b"] == loaded.data["c"][1] == {"nl": "Ja", "en": "Yes"}


def test_equals_is_plain_text_and_merge_keys_are_refused() -> None:
    assert load_yaml_text("a: =\n'=': 1\n", "x.yaml").data == {"a": "=", "=": 1}
    loaded = load_yaml_text("a: &x {b: 1}\nc:\n  <<: *x\n", "x.yaml")
    assert [(p.rule, p.line, p.col) for p in loaded.problems] == [("KEY-NOT-PLAIN", 3, 3)]


def test_a_list_as_key_is_refused_without_building_it() -> None:
    loaded = load_yaml_text("? [a, b]\n: x\n", "x.yaml")
    assert [(p.rule, p.line) for p in loaded.problems] == [("KEY-NOT-PLAIN", 1)]


def test_a_long_text_is_refused_at_its_line() -> None:
    loaded = load_yaml_text(f"a: ok\nb: {'x' * 20_001}\n", "x.yaml")
    assert [(p.rule, p.line, p.col) for p in loaded.problems] == [("VALUE-TOO-LONG", 2, 4)]


def test_nesting_through_aliases_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(construct, "MAX_DEPTH", 3)
    assert load_yaml_text("a: [[1]]\n", "x.yaml").problems == []
    loaded = load_yaml_text("a: &d [[1]]\nb: [[*d]]\n", "x.yaml")
    assert [(p.rule, p.line) for p in loaded.problems] == [("TOO-DEEP", 2)]


def test_values_are_counted_without_aliases_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(construct, "MAX_VALUES", 5)
    assert load_yaml_text("a: [1, 2, 3]\n", "x.yaml").problems == []
    loaded = load_yaml_text("a: [1, 2, 3, 4, 5]\n", "x.yaml")
    # the mapping, the list, 1, 2 and 3 are five values: the 4 is one too many
    assert [(p.rule, p.line, p.col) for p in loaded.problems] == [("TOO-MANY-VALUES", 1, 14)]


def test_links_inside_the_folder_are_followed_links_out_are_not(tmp_path: Path) -> None:
    root, outside = tmp_path / "content", tmp_path / "outside"
    (root / "flows").mkdir(parents=True)
    outside.mkdir()
    (root / "flows" / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (outside / "x.yaml").write_text("a: 2\n", encoding="utf-8")
    (root / "flows" / "link.yaml").symlink_to("real.yaml")
    (root / "linked").symlink_to(outside)
    assert load_yaml_file(root / "flows" / "link.yaml", root=root).data == {"a": 1}
    refused = load_yaml_file(root / "linked" / "x.yaml", root=root)
    assert [p.rule for p in refused.problems] == ["FILE-NOT-REGULAR"]
    assert refused.data is None


FRAGMENTS = ["a: 1", "b: &x [1, 2]", "c: *x", "<<: *x", "=: 1", "? [k]", ": v", "- 14",
             "? !!python/object/apply:os.system [true]", "d: !!binary aGk=", "e: &y {f: *y}",
             "g: [[[[1]]]]", "h: " + "9" * 60, "  i: x", "j: {k: 1, k: 2}", "? *x", "l: ~",
             "m: 1e99999", "n: !!int abc", "o: 'x", "- *x", "p: &z [*z]", "q: !custom 1"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8))
def test_any_mix_of_odd_yaml_gives_problems_not_exceptions(lines: list[str]) -> None:
    """Merge keys, tags, aliases into themselves, long numbers, lists as keys: whatever the
    mix, the loader returns (problems or data) and never raises."""
    loaded = load_yaml_text("\n".join(lines) + "\n", "x.yaml")
    assert all(p.line >= 1 and p.col >= 1 and p.rule for p in loaded.problems)
