"""Where a participant's rerun spends its time: cProfile inside the real server.

The same launcher as bench/profile_result.py (cProfile around the script thread's
`ScriptRunner._run_script` only), on the participant's page: one phone joins a workshop made
through the service layer (bench/phones.py) and runs N reruns of one kind: `refresh` (the poll's
3-second timer), `vote` (tapping an answer, alternating two) or `page` (the whole page).
Run: `python bench/profile_workshop.py [refresh|vote|page] [--reruns 40] [--top 40]`.
cProfile counts wall time: a call that waits for the disk or for the GIL (SQLite's commit,
a `stat`, handing a message to the event loop) looks longer than the CPU it uses. Prints;
asserts nothing. bench/profiles/ keeps printed profiles of a vote (2026-12-02) and of the whole
poll page with its pills (2026-12-03, issue 15).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from phones import new_phone  # noqa: E402
from profile_result import ProfiledServer  # noqa: E402

import app as protocol  # noqa: E402
from vbestuur_service import workshop as ws  # noqa: E402
from vbestuur_service.runtime import Runtime  # noqa: E402
from vbestuur_service.settings import Settings  # noqa: E402

PIN, STEP = "bench-zaal-2026", 1


async def reruns(port: int, out: Path, code: str, kind: str, count: int) -> None:
    phone, poll = await new_phone(port, code)
    run = {"refresh": lambda i: phone.refresh(), "page": lambda i: phone.run(),
           "vote": lambda i: phone.vote(poll, STEP, i % 2)}[kind]
    try:
        for i in range(5):
            await run(i)
        Path(str(out) + ".on").write_text("1")
        for i in range(count):
            await run(i)
    finally:
        await phone.ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", default="vote", choices=("refresh", "vote", "page"))
    parser.add_argument("--reruns", type=int, default=40)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbestuur-profile-") as folder:
        os.environ.pop("VBESTUUR_DATABASE_URL", None)
        os.environ["VBESTUUR_DATA_DIR"] = str(Path(folder) / "data")
        code = ws.create(Runtime(Settings.from_env()), PIN, (STEP, STEP + 1), k=5).code
        out = Path(folder) / "workshop.prof"
        with ProfiledServer(protocol.ROOT / "app.py", out) as server:
            asyncio.run(reruns(server.port, out, code, args.kind, args.reruns))
        text = io.StringIO()
        pstats.Stats(str(out), stream=text).strip_dirs().sort_stats("cumulative").print_stats(
            args.top)
    print(f"cProfile of {args.reruns} participant reruns ({args.kind}, step {STEP}; script "
          "thread only):")
    print(text.getvalue())


if __name__ == "__main__":
    main()
