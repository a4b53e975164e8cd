"""Where a rerun of the result page spends its time: cProfile inside the real server.

Why inside the server: AppTest adds its own mock and thread overhead, and a sampling profiler
is not among the project's tools; cProfile (standard library) is switched on only around
Streamlit's `ScriptRunner._run_script` of the script thread, so the figures are the script's
own run, page drawing and Streamlit's per-element work, and nothing of the event loop.
One session walks to the incident result (bench/walk.py) and reruns it N times; the profile
of those reruns is printed (top functions by cumulative time; the app's own frames first).
Run: `python bench/profile_result.py [--reruns 50] [--top 30]`. Prints; asserts nothing.
bench/profiles/ keeps a printed profile (2026-12-02, after the changes of issue 15).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from walk import Walker, cookies_of  # noqa: E402

import app as protocol  # noqa: E402

LAUNCHER = '''
import cProfile, sys, threading
from streamlit.runtime.scriptrunner import script_runner
from streamlit.web.cli import main
OUT, LOCK, PROFILE = sys.argv.pop(1), threading.Lock(), cProfile.Profile()
original = script_runner.ScriptRunner._run_script
def profiled(self, *args, **kwargs):
    with LOCK:
        if open(OUT + ".on").read() != "1":
            return original(self, *args, **kwargs)
        PROFILE.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            PROFILE.disable()
            PROFILE.dump_stats(OUT)
script_runner.ScriptRunner._run_script = profiled
sys.exit(main())
'''


class ProfiledServer(protocol.Server):
    """bench/app.py's server, started through the launcher above."""

    def __init__(self, script: Path, out: Path) -> None:
        launcher = out.with_suffix(".py")
        launcher.write_text(LAUNCHER, encoding="utf-8")
        Path(str(out) + ".on").write_text("0")
        super().__init__(script)
        self.proc.kill()
        self.proc.wait()
        self.proc = subprocess.Popen(
            [sys.executable, str(launcher), str(out), "run", str(script), "--server.address",
             "127.0.0.1", "--server.port", str(self.port), "--global.developmentMode", "false"],
            cwd=protocol.ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)


async def reruns(port: int, out: Path, count: int) -> None:
    walker = await Walker.open_with(port, cookies_of(port))
    try:
        await walker.to_result()
        for _ in range(5):
            await walker.run()
        Path(str(out) + ".on").write_text("1")
        for _ in range(count):
            await walker.run()
    finally:
        await walker.ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbestuur-profile-") as folder:
        out = Path(folder) / "result.prof"
        with ProfiledServer(protocol.ROOT / "app.py", out) as server:
            asyncio.run(reruns(server.port, out, args.reruns))
        text = io.StringIO()
        stats = pstats.Stats(str(out), stream=text)
        stats.strip_dirs().sort_stats("cumulative").print_stats(args.top)
    print(f"cProfile of {args.reruns} reruns of the incident result page (script thread only):")
    print(text.getvalue())


if __name__ == "__main__":
    main()
