"""pa11y (WCAG2AA, the HTML_CodeSniffer and axe runners) on the main pages, nl and en.

Why a second tool: pa11y's HTML_CodeSniffer checks rules axe does not (and the other way
round), and it is what Dutch accessibility auditors often run. It comes from the npm
registry (`.ci/pa11y/package.json`, pinned; installed here with `npm ci` when missing) and
drives Debian's Chromium: PUPPETEER_SKIP_DOWNLOAD=1, never a browser download. Under CI=true a
missing npm or Chromium fails the test. With VBESTUUR_A11Y_RECORD=1 the counts are written to
the results file the toegankelijkheidsverklaring shows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PA11Y_DIR = ROOT / ".ci" / "pa11y"
PA11Y = PA11Y_DIR / "node_modules" / ".bin" / "pa11y"
RECORD = ROOT / "vbestuur_app" / "accessibility-results.json"
PAGES = ["", "over", "netwerklijst", "bewaren", "toegankelijkheid"]
CHROMIUM = Path(os.environ.get("VBESTUUR_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TOOL = "pa11y 9.1.1 (WCAG2AA; HTML_CodeSniffer and axe)"


def missing(reason: str) -> None:
    """Fail under CI=true (CI must never go green by skipping), skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _env() -> dict[str, str]:
    return {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1",
            "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}


@pytest.fixture(scope="module")
def pa11y() -> Path:
    """The pinned pa11y, installed from the npm registry on first use."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing: `apt-get install -y chromium`")
    if not PA11Y.exists():
        npm = shutil.which("npm")
        if npm is None:
            missing("npm is missing: `apt-get install -y npm` to run pa11y")
            raise AssertionError("unreachable")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=PA11Y_DIR, env=_env(), check=True, timeout=600)
    return PA11Y


def run_pa11y(binary: Path, url: str, config: Path) -> list[dict[str, Any]]:
    done = subprocess.run([str(binary), "--config", str(config), "--reporter", "json", url],
                          env=_env(), capture_output=True, text=True, timeout=180)
    if done.returncode not in (0, 2):  # 2: issues found (the JSON lists them)
        raise AssertionError(f"pa11y failed on {url}: {done.stderr[-2000:]}")
    issues: list[dict[str, Any]] = json.loads(done.stdout or "[]")
    return issues


def record(runs: int, errors: int, found: list[str]) -> None:
    if os.environ.get("VBESTUUR_A11Y_RECORD") != "1":
        return
    data = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    data["pa11y"] = {"runs": runs, "errors": errors, "found": found}
    line = {"date": dt.date.today().isoformat(), "tool": TOOL, "runs": runs,
            "states": len(PAGES), "violations": errors}
    data["runs"] = [r for r in data.get("runs", []) if r["tool"] != TOOL] + [line]
    RECORD.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_pa11y_main_pages(pa11y: Path, app_url: str, tmp_path: Path) -> None:
    """No WCAG2AA error on the main pages, in Dutch and English."""
    config = tmp_path / "pa11y.json"
    config.write_text(json.dumps({
        "standard": "WCAG2AA", "runners": ["htmlcs", "axe"], "timeout": 120_000,
        "actions": ["wait for element h1 to be visible"],
        "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": LAUNCH_ARGS},
    }), encoding="utf-8")
    found: list[str] = []
    runs = 0
    for lang in ("nl", "en"):
        for path in PAGES:
            url = f"{app_url}/{path}?lang={lang}"
            runs += 1
            found += [f"{path or 'home'} ({lang}): {i['code']}: {i['message'][:160]}"
                      for i in run_pa11y(pa11y, url, config) if i.get("type") == "error"]
    record(runs, len(found), found)
    assert not found, "\n".join(found)
