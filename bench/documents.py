"""Document benchmark: the time to build each PDF, against the Markdown export in the same run.

Why a bench and not a timed test: timings on a shared 2-core machine vary; ratios against a
baseline measured in the same run are what the README quotes. `--against DIR` also runs the
same measurement on another checkout (e.g. the fpdf2 version on main) in a subprocess
right after this one, so before and after come from one run.
Run: `.venv/bin/python bench/documents.py [--against /path/to/other/checkout]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}


def best_of(func: Callable[[], object], repeat: int = 7) -> float:
    """Fastest of `repeat` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def builders() -> dict[str, Callable[[], object]]:
    """The four PDFs and the Markdown baseline, built from whatever checkout is on sys.path."""
    from vbestuur_app.exports import build_markdown, build_pdf
    from vbestuur_app.exports.organisation import build_org_pdf
    from vbestuur_app.netwerk.to_pdf import build_pdf as network_pdf
    from vbestuur_app.workshop.export import StepBlock, SummaryDocument
    from vbestuur_app.workshop.export_pdf import to_pdf
    from vbestuur_engine import Engine, netwerklijst
    from vbestuur_store import OrgItem

    engine = Engine.load()
    progress = engine.walk("voorbeeld", ANSWERS)
    network = netwerklijst.initial_list(engine.content, None, "nl")
    steps = sorted(engine.content.steps.values(), key=lambda s: s.id)
    items = [OrgItem(step_id=s.id, status="deels", owner="Griffier", note="Zoë’s notitie",
                     version=1) for s in steps]
    blocks = tuple(StepBlock(s.id, s.phase, f"Stap {s.id}", ("Ja 3 · Nee 1",)) for s in steps)
    summary = SummaryDocument("nl", "Workshop", "Samenvatting", "1 december 2026", (), blocks,
                              (), (), "Bel 112 bij acuut gevaar.")
    day = dt.date(2026, 12, 1)
    return {"markdown (baseline)": lambda: build_markdown(engine, progress, "nl"),
            "result pdf": lambda: build_pdf(engine, progress, "nl"),
            "netwerklijst pdf": lambda: network_pdf(network, "nl", day),
            "organisation pdf": lambda: build_org_pdf(steps, items, "nl", "Eëmnes", day),
            "workshop pdf": lambda: to_pdf(summary)}


def measure() -> dict[str, float]:
    """Warm each builder once (imports, fonts), then time it."""
    found = builders()
    for func in found.values():
        func()
    return {name: best_of(func) for name, func in found.items()}


def _child(root: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, __file__, "--json"], cwd=root, env=env,
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true", help="print one JSON line (for --against)")
    parser.add_argument("--against", type=Path, default=None)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure()))
        return
    here = _child(ROOT)
    other = _child(args.against) if args.against else None
    print(f"{'document':<22}{'ms':>9}{'x baseline':>12}" + (f"{'other ms':>11}{'x other':>9}"
                                                            if other else ""))
    for name, ms in here.items():
        line = f"{name:<22}{ms:9.1f}{ms / here['markdown (baseline)']:12.1f}"
        if other:
            line += f"{other[name]:11.1f}{ms / other[name]:9.2f}"
        print(line)


if __name__ == "__main__":
    main()
