"""Engine benchmark: prints a table of timings against the targets of issue 2.

Why a bench and not a timed test: timings on shared 2-core machines vary; a printed table with
ratios against a baseline measured in the same run (plain PyYAML parsing of the same files) is
what the README quotes. Run: `make bench` (or `.venv/bin/python bench/engine.py`).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from vbestuur_engine import Engine
from vbestuur_engine import check_content as _check_content
from vbestuur_engine.checks.text_rules import _hard_to_read
from vbestuur_engine.paths import all_paths
from vbestuur_engine.phone_text import _number_like
from vbestuur_engine.readability import flesch_douma

ROOT = Path(__file__).resolve().parent.parent


def check_content(root: Path | str) -> object:
    """A cold check: the readability caches are emptied first, as in a fresh `vbestuur check`."""
    for cache in (_hard_to_read, flesch_douma, _number_like):
        cache.cache_clear()
    return _check_content(root)


def best_of(func: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Fastest mean time of `number` calls over `repeat` rounds, in seconds."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    return min(rounds)


def baseline_pyyaml(root: Path) -> float:
    files = sorted((root / "rules").rglob("*.yaml")) + sorted((root / "flows").rglob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return best_of(lambda: [yaml.load(t, Loader=loader) for t in texts])  # noqa: S506


def generated_flow(questions: int) -> str:
    """A ladder of yes/no questions where both answers meet again: `3 * questions` nodes."""
    lines = ["id: generated", "door: voorbeeld", "title: {nl: G, en: G}",
             "question: {nl: G, en: G}", "summary: {nl: G, en: G}", "steps: [14]",
             "start: q0", "nodes:"]
    for i in range(questions):
        after = f"q{i + 1}" if i + 1 < questions else "einde"
        lines += [f"  q{i}:", "    type: question", "    kind: yesno",
                  f"    text: {{nl: Vraag {i}, en: Question {i}}}", "    options:",
                  f"      - {{value: ja, next: a{i}}}", f"      - {{value: nee, next: b{i}}}",
                  f"  a{i}:", "    type: info", "    text: {nl: A, en: A}", f"    next: {after}",
                  f"  b{i}:", "    type: info", "    text: {nl: B, en: B}", f"    next: {after}"]
    lines += ["  einde:", "    type: outcome", "    title: {nl: Klaar, en: Done}",
              "    advice: [vb-meld-altijd]"]
    return "\n".join(lines) + "\n"


def check_generated(nodes: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "rules", Path(tmp) / "rules")
        (Path(tmp) / "flows").mkdir()
        (Path(tmp) / "flows" / "generated.yaml").write_text(generated_flow(nodes // 3))
        return best_of(lambda: check_content(tmp), repeat=3)


def walk_timings(engine: Engine) -> tuple[float, float, str]:
    """Per-step walk time and full advice+checklist time on the longest path of any flow."""
    longest = max((p for c in engine.compiled.values() for p in all_paths(c)),
                  key=lambda p: len(p.answers))
    answers = dict(longest.answers)
    flow = longest.flow_id
    full = best_of(lambda: engine.walk(flow, answers), repeat=5, number=200)
    first = next(iter(answers))
    one = best_of(lambda: engine.walk(flow, {first: answers[first]}), repeat=5, number=500)
    return one, full, f"{flow}, {len(answers)} answers"


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    base = baseline_pyyaml(ROOT)
    check = best_of(lambda: check_content(ROOT))
    rows.append(("check all content", f"{check * 1e3:.1f} ms", f"{check / base:.1f}x PyYAML",
                 "< 200 ms"))
    engine = Engine.load()
    one, full, label = walk_timings(engine)
    rows.append(("walk, one answer", f"{one * 1e6:.0f} µs", "", "< 100 µs"))
    rows.append((f"advice + checklist, complete ({label})", f"{full * 1e3:.3f} ms", "", "< 1 ms"))
    small, large = check_generated(1_000), check_generated(10_000)
    rows.append(("generated flow, 1,000 nodes", f"{small:.2f} s", "", ""))
    rows.append(("generated flow, 10,000 nodes", f"{large:.2f} s", f"{large / small:.1f}x 1k",
                 "< 2 s, ≤ 15x"))
    print("Baseline: PyYAML (libyaml) safe load of the same files, same run: "
          f"{base * 1e3:.1f} ms\n")
    print("| measurement | time | ratio | target |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
