"""What a process imports before its first page (issue 15): not the store, not SQLAlchemy,
not the sixteen pages' views; with its content cache warm, the home page and the first
question import neither the store, nor PyYAML, networkx, phonenumbers or Babel (nor the
checks); and the store's names still all resolve when asked for.

Why a fresh interpreter: this test process has imported everything long ago. Not a timing
test: it checks which modules are loaded, which does not depend on the machine's load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vbestuur_store

ROOT = Path(__file__).resolve().parent.parent
SERVER_ROLE = """
import json, sys
import app  # as `streamlit run` imports it: the ASGI app and everything app.py imports
print(json.dumps(sorted(sys.modules)))
"""


SERVED = """
import json, sys
from streamlit.testing.v1 import AppTest
import app  # the server's import, then one session: home, the door, the first question
at = AppTest.from_file("app.py", default_timeout=60).run()
at.button(key="door:incident").click().run()
assert not at.exception and any((r.key or "").startswith("ans:incident:") for r in at.radio)
print(json.dumps(sorted(sys.modules)))
"""
NOT_BEFORE_THE_FIRST_QUESTION = {"sqlalchemy", "alembic", "yaml", "networkx", "phonenumbers",
                                 "babel"}


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120, env=env)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_server_starts_without_the_store_sqlalchemy_or_the_page_views() -> None:
    loaded = _modules_after(SERVER_ROLE)
    assert "app" in loaded and "vbestuur_app.asgi" in loaded and "vbestuur_app.pages" in loaded
    heavy = {m for m in loaded if m.split(".")[0] in {"sqlalchemy", "alembic"}}
    assert heavy == set()
    assert "vbestuur_store.store" not in loaded
    views = {m for m in loaded if m.startswith(("vbestuur_app.views", "vbestuur_app.workshop",
                                                "vbestuur_app.netwerk", "vbestuur_app.incidents"))}
    assert views == set()


def test_with_a_warm_content_cache_the_first_question_needs_no_parser_graph_or_store(
        tmp_path: Path) -> None:
    env = {**os.environ, "VBESTUUR_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    first = _modules_after(SERVED, env)  # a cold cache: parsed and checked in full
    assert {"yaml", "networkx"} <= {m.split(".")[0] for m in first}
    assert list((tmp_path / "cache").glob("content-*.marshal"))
    loaded = _modules_after(SERVED, env)  # the next start: from the cache
    assert {m.split(".")[0] for m in loaded} & NOT_BEFORE_THE_FIRST_QUESTION == set()
    assert "vbestuur_engine.checks" not in loaded and "vbestuur_engine.loader" not in loaded


def test_every_name_of_the_store_package_resolves_to_its_module() -> None:
    where: dict[str, str] = vbestuur_store._WHERE  # type: ignore[attr-defined]
    assert set(where) == set(vbestuur_store.__all__)
    for name, module in where.items():
        owner = sys.modules.get(f"vbestuur_store.{module}") or __import__(
            f"vbestuur_store.{module}", fromlist=[name])
        assert getattr(vbestuur_store, name) is getattr(owner, name), name


def test_a_name_the_store_does_not_have_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        vbestuur_store.no_such_name  # type: ignore[attr-defined]  # noqa: B018
