"""Toegankelijkheidsverklaring: the municipality's status, the project's measured results and
the known limitations (under "Over"; linked from every page's footer).

Why the split: a Dutch public body must publish a statement with its own status (A-E) in the
DigiToegankelijk register; only the municipality that hosts the app can do that, so the page
links to it (`VBESTUUR_ACCESSIBILITY_URL`). What the project can give is what it measured:
`accessibility-results.json`, written by the browser tests (tests/browser/
test_accessibility.py with VBESTUUR_A11Y_RECORD=1), shown as it is, never typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from vbestuur_service import runtime

from .. import links
from ..i18n import t
from ..widgets import heading, plain

RESULTS = Path(__file__).resolve().parents[1] / "accessibility-results.json"


def measured_results(path: Path = RESULTS) -> dict[str, Any] | None:
    """The results of the last recorded test run, or None when there are none (or broken)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def result_lines(data: dict[str, Any]) -> list[str]:
    """One line per tool of the recorded run, in the person's language."""
    return [t("a11y.result_line", date=run["date"], runs=run["runs"], tool=run["tool"],
              states=run["states"], violations=run["violations"])
            for run in data.get("runs", [])]


def render() -> None:
    """Draw the statement."""
    heading(t("a11y.title"), 1)
    st.markdown(t("a11y.intro"))
    heading(t("a11y.status_h"), 2)
    url = runtime.current().settings.accessibility_url
    if url.startswith("https://"):
        st.markdown(t("a11y.status_set"))
        st.link_button(t("a11y.status_link"), url)
    else:
        st.markdown(t("a11y.status_unset"))
    heading(t("a11y.measured_h"), 2)
    st.markdown(t("a11y.measured"))
    data = measured_results()
    lines = result_lines(data) if data else []
    for line in lines or [t("a11y.results_none")]:
        st.markdown(plain(line))
    heading(t("a11y.limits_h"), 2)
    st.markdown(t("a11y.limits"))
    heading(t("a11y.report_h"), 2)
    st.markdown(t("a11y.report"))


def page() -> StreamlitPage:
    return st.Page(render, title=t("nav.a11y"), icon="♿", url_path=links.TOEGANKELIJKHEID)
