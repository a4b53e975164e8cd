"""The content cache (vbestuur_engine/cache.py): the same engine as a full load, and never a
stale or foreign cache file in place of a full load and check of changed content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbestuur_engine import ContentError, Engine, checks
from vbestuur_engine import cache as content_cache

ROOT = Path(__file__).resolve().parent.parent
OPTION = '      - value: nee\n        label: {nl: Nee, en: "No"}\n        advice: '
BROKEN = (OPTION + "[de-escaleren]\n", OPTION + "[bestaat-niet]\n")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    for folder in ("rules", "flows"):
        shutil.copytree(ROOT / folder, tmp_path / "content" / folder)
    return tmp_path / "content"


def _break(content: Path) -> None:
    """An option that names advice that does not exist (DANGLING-REF, line 30)."""
    flow = content / "flows" / "incident.yaml"
    text = flow.read_text(encoding="utf-8")
    assert BROKEN[0] in text
    flow.write_text(text.replace(BROKEN[0], BROKEN[1], 1), encoding="utf-8")


def _no_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the checks ran: the cache was not used")

    monkeypatch.setattr(checks, "run_checks", refuse)


def test_a_cached_load_gives_the_same_engine_as_a_full_load(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    full = Engine.load(content)
    first = content_cache.load_engine(content, folder)
    assert len(list(folder.glob("content-*.marshal"))) == 1
    _no_checks(monkeypatch)
    cached = content_cache.load_engine(content, folder)
    for engine in (first, cached):
        for part in ("steps", "facts", "terms", "advice", "flows", "local", "where", "sources"):
            assert dict(getattr(engine.content, part)) == dict(getattr(full.content, part)), part
        assert engine.content.workshop == full.content.workshop
        assert engine.content.root == full.content.root
        for flow_id, compiled in full.compiled.items():
            assert dict(engine.flow(flow_id).questions_to_end) == dict(compiled.questions_to_end)
            assert set(engine.flow(flow_id).graph.edges) == set(compiled.graph.edges)
    answers: dict[str, str | list[str]] = {"gevaar": "nee", "wat": ["bedreiging"]}
    assert cached.walk("incident", answers) == full.walk("incident", answers)


def test_changed_content_is_loaded_and_checked_in_full(content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    content_cache.load_engine(content, folder)
    _break(content)
    with pytest.raises(ContentError) as raised:
        content_cache.load_engine(content, folder)
    shown = [str(p) for p in raised.value.problems]
    assert any(s.startswith("flows/incident.yaml:") and " DANGLING-REF " in s and
               "bestaat-niet" in s for s in shown), shown
    with pytest.raises(ContentError):  # and again: bad content is never cached
        content_cache.load_engine(content, folder)


def test_a_cache_file_written_for_other_content_is_not_used(
        content: Path, tmp_path: Path) -> None:
    """A valid cache file put under the name the changed content would use (a forged or
    colliding name) carries its own key, and is ignored."""
    folder = tmp_path / "cache"
    content_cache.load_engine(content, folder)
    (good,) = folder.glob("content-*.marshal")
    _break(content)
    texts = content_cache.read_texts(content)
    assert texts is not None
    key = content_cache.content_key(texts)
    shutil.copyfile(good, folder / f"content-{key[:32]}.marshal")
    with pytest.raises(ContentError):
        content_cache.load_engine(content, folder)


@pytest.mark.parametrize("garbage", [b"", b"not marshal at all", b"\xe9\x00\x01"])
def test_an_unreadable_cache_file_gives_a_full_load(
        content: Path, tmp_path: Path, garbage: bytes) -> None:
    folder = tmp_path / "cache"
    content_cache.load_engine(content, folder)
    (path,) = folder.glob("content-*.marshal")
    path.write_bytes(garbage)
    engine = content_cache.load_engine(content, folder)
    assert engine.flow("incident").questions_to_end
    assert path.read_bytes() != garbage  # written again after the full load


def test_a_folder_that_cannot_be_written_is_no_error(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    engine = content_cache.load_engine(content, blocked / "cache")
    assert "incident" in engine.compiled


def test_a_missing_file_is_never_cached(content: Path, tmp_path: Path) -> None:
    (content / "rules" / "facts.yaml").unlink()
    folder = tmp_path / "cache"
    with pytest.raises(ContentError) as raised:
        content_cache.load_engine(content, folder)
    assert any(p.rule == "MISSING-FILE" for p in raised.value.problems)
    assert not folder.exists()


def test_the_key_changes_with_the_engine_code(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "vbestuur_engine"
    shutil.copytree(content_cache.ENGINE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(content_cache, "ENGINE_DIR", code)
    before = content_cache.code_fingerprint.__wrapped__()
    walk = code / "walk.py"
    walk.write_text(walk.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert content_cache.code_fingerprint.__wrapped__() != before
