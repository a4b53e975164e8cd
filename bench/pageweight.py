"""First visit bytes on the wire: Debian's Chromium loads the home page until idle.

Why Chromium and CDP: the figure a visitor pays is what crosses the network, headers and
compression included; `Network.loadingFinished.encodedDataLength` is exactly that per request
(the websocket is not counted). Each variant is a fresh server and a fresh browser context
(empty cache), in the same run, so the rows compare like with like:
- `off`: Streamlit 1.67 as it ships (VBESTUUR_COMPRESS=off: nothing compressed);
- `gzip`: the app's compression middleware limited to gzip;
- `br`: the middleware as configured by default (brotli where the browser asks);
- `br, Streamlit's fonts`: compression, but Streamlit's own font files (VBESTUUR_LEAN_STATIC=off:
  the whole Material Symbols icon font and Source Sans, what compression cannot shrink);
- `br + lean fonts (default)`: the app as configured: compression, the system font stack
  (`theme.font`), the icon font cut to the icons the pages use and no Source Sans
  (vbestuur_app/asgi_static.py).
Run: `python bench/pageweight.py` (or `make bench`). Prints a Markdown table.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from contextlib import suppress
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
STREAMLIT_FONTS = {"VBESTUUR_LEAN_STATIC": "off"}
VARIANTS: dict[str, dict[str, str]] = {
    "off (Streamlit as shipped)": {"VBESTUUR_COMPRESS": "off", **STREAMLIT_FONTS},
    "gzip, Streamlit's fonts": {"VBESTUUR_COMPRESS": "gzip", **STREAMLIT_FONTS},
    "br, Streamlit's fonts": {"VBESTUUR_COMPRESS": "on", **STREAMLIT_FONTS},
    "br + lean fonts (default)": {"VBESTUUR_COMPRESS": "on"},
}
KINDS = ("Document", "Script", "Stylesheet", "Font", "Other")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(env: dict[str, str], data: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`streamlit run app.py` with the variant's environment; waits for /_stcore/health."""
    port = free_port()
    full = {**os.environ, **env, "VBESTUUR_DATA_DIR": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address",
         "127.0.0.1", "--server.port", str(port)], cwd=ROOT, env=full,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        with suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
            return proc, url
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def first_visit(url: str) -> dict[str, int]:
    """Bytes on the wire per resource type for one cold load of the home page until idle."""
    kinds: dict[str, str] = {}
    totals: dict[str, int] = defaultdict(int)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(locale="nl-NL").new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

        def received(event: dict[str, Any]) -> None:
            kind = event.get("type", "Other")
            kinds[event["requestId"]] = kind if kind in KINDS else "Other"

        def finished(event: dict[str, Any]) -> None:
            totals[kinds.get(event["requestId"], "Other")] += int(event["encodedDataLength"])

        cdp.on("Network.responseReceived", received)
        cdp.on("Network.loadingFinished", finished)
        page.goto(url + "/")
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                               state="attached", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        browser.close()
    return dict(totals)


def table(rows: dict[str, dict[str, int]]) -> str:
    base = sum(next(iter(rows.values())).values())
    lines = ["| variant | " + " | ".join(f"{k} KB" for k in KINDS) + " | total KB | vs off |",
             "|---|" + "---:|" * (len(KINDS) + 2)]
    for name, kinds in rows.items():
        total = sum(kinds.values())
        cells = " | ".join(f"{kinds.get(k, 0) / 1024:,.0f}" for k in KINDS)
        lines.append(f"| {name} | {cells} | {total / 1024:,.0f} | {total / base:.2f}x |")
    return "\n".join(lines)


def main() -> None:
    rows: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, env) in enumerate(VARIANTS.items()):
            proc, url = start(env, Path(tmp) / f"data{i}")
            try:
                rows[name] = first_visit(url)
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    print("First visit, home page until idle (Chromium, empty cache, bytes on the wire incl. "
          "headers; target <= 600 KB):")
    print(table(rows))


if __name__ == "__main__":
    main()
