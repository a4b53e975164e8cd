"""Collect `tests/scenarios/*.yaml` as pytest items: answers in, expected path/advice/steps out.

Why YAML (as OpenFisca's test runner does): a content author writes and reads these without
Python. A failure prints file -> scenario -> what differed, in words an author understands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vbestuur_engine import Engine, Progress
from vbestuur_engine.loader import load_yaml_file
from vbestuur_engine.schema import LocalValues
from vbestuur_engine.text import render

EXPECT_KEYS = {"outcome", "next_question", "path", "advice", "advice_includes",
               "advice_excludes", "open_steps", "done_steps", "na_steps", "text_contains",
               "text_excludes", "text_at_most_once"}
SCENARIO_KEYS = {"name", "answers", "local", "lang", "expect"}


class ScenarioFailure(Exception):
    """A scenario whose result differs from what it expects."""

    def __init__(self, differences: list[str]) -> None:
        super().__init__("\n".join(differences))
        self.differences = differences


def _engine() -> Engine:
    cached = getattr(_engine, "cached", None)
    if cached is None:
        cached = Engine.load()
        _engine.cached = cached  # type: ignore[attr-defined]
    return cached


class ScenarioFile(pytest.File):
    """One scenario file: a flow id and a list of scenarios."""

    def collect(self):  # type: ignore[no-untyped-def]
        loaded = load_yaml_file(self.path)
        if loaded.problems:
            raise pytest.UsageError("\n".join(str(p) for p in loaded.problems))
        data = loaded.data or {}
        for index, scenario in enumerate(data.get("scenarios", [])):
            line = loaded.source.lookup(("scenarios", index))[0]
            yield ScenarioItem.from_parent(self, name=f"{scenario.get('name', index)}",
                                           flow=data.get("flow"), scenario=scenario, line=line)


class ScenarioItem(pytest.Item):
    """One scenario: walk the flow with the answers and compare with `expect`."""

    def __init__(self, *, flow: str, scenario: dict[str, Any], line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.flow, self.scenario, self.line = flow, scenario, line

    def runtest(self) -> None:
        unknown = (set(self.scenario) - SCENARIO_KEYS) | (
            set(self.scenario.get("expect", {})) - EXPECT_KEYS)
        if unknown:
            raise ScenarioFailure([f"unknown keys {sorted(unknown)}; allowed: "
                                   f"{sorted(SCENARIO_KEYS | EXPECT_KEYS)}"])
        engine = _engine()
        progress = engine.walk(self.flow, self.scenario.get("answers") or {})
        differences = compare(engine, progress, self.scenario)
        if differences:
            raise ScenarioFailure(differences)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            lines = [f"{self.path.name}:{self.line}: scenario {self.name!r} (flow {self.flow})"]
            lines += [f"  - {d}" for d in excinfo.value.differences]
            return "\n".join(lines)
        return f"{self.path.name}:{self.line}: {excinfo.value}"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"scenario: {self.name}"


def compare(engine: Engine, progress: Progress, scenario: dict[str, Any]) -> list[str]:
    """Every difference between the walk and the scenario's `expect`, in plain words."""
    expect = scenario.get("expect") or {}
    advice_ids = [hit.advice.id for hit in progress.advice]
    by_status = {s: sorted(i.step.id for i in progress.checklist if i.status in s)
                 for s in (("open", "partial"), ("done",), ("na",))}
    actual: dict[str, Any] = {
        "outcome": progress.outcome, "next_question": progress.next_question,
        "path": list(progress.path), "advice": advice_ids,
        "open_steps": by_status[("open", "partial")], "done_steps": by_status[("done",)],
        "na_steps": by_status[("na",)]}
    out = []
    for key in ("outcome", "next_question", "path", "advice"):
        if key in expect and expect[key] != actual[key]:
            out.append(f"{key}: expected {expect[key]!r}, got {actual[key]!r}")
    for key in ("open_steps", "done_steps", "na_steps"):
        if key in expect and sorted(expect[key]) != actual[key]:
            out.append(f"{key}: expected {sorted(expect[key])}, got {actual[key]}")
    out += [f"advice {a!r} expected but not given (given: {advice_ids})"
            for a in expect.get("advice_includes", []) if a not in advice_ids]
    out += [f"advice {a!r} given but excluded" for a in expect.get("advice_excludes", [])
            if a in advice_ids]
    out += _text_differences(engine, progress, scenario, expect)
    return out


def _text_differences(engine: Engine, progress: Progress, scenario: dict[str, Any],
                      expect: dict[str, Any]) -> list[str]:
    """What the result says (or must never say): the outcome's title and text, and every
    advice title and text, with the municipality's open terms filled in."""
    wanted = (expect.get("text_contains", []), expect.get("text_excludes", []),
              expect.get("text_at_most_once", []))
    if not any(wanted):
        return []
    local = engine.local_values(scenario.get("local"))
    if scenario.get("local") and local is None:
        return [f"no municipality values {scenario['local']!r} in rules/local/"]
    shown = shown_text(engine, progress, scenario.get("lang", "nl"), local)
    contains, excludes, once = wanted
    out = [f"result text does not contain {w!r}" for w in contains if w not in shown]
    out += [f"result text contains {w!r}, which must never be said here"
            for w in excludes if w in shown]
    out += [f"result text says {w!r} {shown.count(w)} times (at most once)"
            for w in once if shown.count(w) > 1]
    return out


def shown_text(engine: Engine, progress: Progress, lang: str,
               local: LocalValues | None = None) -> str:
    """Everything the result shows in words: outcome title and text, advice titles and texts."""
    terms = engine.content.terms
    parts = []
    if progress.outcome is not None:
        node = engine.flow(progress.flow_id).node(progress.outcome)
        parts += [render(getattr(node, "title", None), lang, terms, local),
                  render(getattr(node, "text", None), lang, terms, local)]
    for hit in progress.advice:
        parts += [render(hit.advice.title, lang, terms, local),
                  render(hit.advice.text, lang, terms, local)]
    return "\n".join(p for p in parts if p)
