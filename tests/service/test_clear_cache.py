"""Streamlit's `clear_cache` cannot drop the process's engine or store (F9 of the review).

Why: any anonymous websocket client can send `BackMsg(clear_cache=True)`, and Streamlit then
calls `st.cache_data.clear()` and `st.cache_resource.clear()` for the whole process (its
`AppSession._handle_clear_cache_request`). The shared engine and store used to live in
`st.cache_resource`, so one client made every other user reload the content. Now they live
in the module-level runtime (vbestuur_service.runtime), which those calls do not reach.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.app_session import AppSession

from vbestuur_app import loading
from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings


def test_clearing_streamlits_caches_keeps_the_engine_and_the_store(tmp_path: Path) -> None:
    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    runtime.install(rt)
    try:
        engine, store = loading.load().engine, rt.store()
        assert engine is not None

        class Fake:  # what the handler touches besides the two global caches
            _session_state = {"x": 1}

        AppSession._handle_clear_cache_request(Fake())  # type: ignore[arg-type]
        st.cache_data.clear()
        st.cache_resource.clear()
        assert runtime.current() is rt
        assert loading.load().engine is engine
        assert rt.store() is store
    finally:
        runtime.reset()
