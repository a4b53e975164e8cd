"""Benchmark of the translator's cold start (run: .venv/bin/python bench/i18n.py).

Why: every app process loads the catalogues once. Each case runs in a fresh interpreter and
times, in-process, `import vbestuur_service.i18n` plus loading Dutch and English:
- mo: with a `.mo` that matches its `.po` (after `make mo`, the normal start);
- po: without `.mo`, so each `.po` is read and compiled in memory with Babel (a fresh clone);
- baseline: `import streamlit`, which every app process pays anyway, in the same run.
Reported as medians of R starts and as ratios to the baseline. A bench, not a test: it prints a
Markdown table and asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATOR = ("import time; t = time.perf_counter(); from vbestuur_service.i18n import translator; "
              "translator('nl').gettext('Volgende'); translator('en').gettext('Volgende'); "
              "print(time.perf_counter() - t)")
BASELINE = "import time; t = time.perf_counter(); import streamlit; print(time.perf_counter() - t)"


def timed(code: str, root: Path) -> float:
    out = subprocess.run([sys.executable, "-c", code], cwd=root, check=True, text=True,
                         capture_output=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin"})
    return float(out.stdout.strip()) * 1000


def copy_without_mo(target: Path) -> Path:
    """The service package in a temporary tree, `.po` files only (as in a fresh clone)."""
    shutil.copytree(ROOT / "vbestuur_service", target / "vbestuur_service",
                    ignore=shutil.ignore_patterns("*.mo", "*.sha256", "__pycache__"))
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-r", "--repeats", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "vbestuur_service.i18n"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        bare = copy_without_mo(Path(tmp))
        cases = {"baseline: import streamlit": (BASELINE, ROOT), "translator, .mo": (
            TRANSLATOR, ROOT), "translator, .po compiled in memory": (TRANSLATOR, bare)}
        medians = {name: statistics.median(timed(code, root) for _ in range(args.repeats))
                   for name, (code, root) in cases.items()}
    base = medians["baseline: import streamlit"]
    print("| case | median ms | × baseline |\n|---|---:|---:|")
    for name, ms in medians.items():
        print(f"| {name} | {ms:.1f} | {ms / base:.2f} |")


if __name__ == "__main__":
    main()
