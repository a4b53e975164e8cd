"""Readiness over time: each completed check is kept with its date, on this person's token only.

Why on completion and not on every view of the result: a reload or a new tab shows the same
result again, and that is not a new check. A check is marked when the answers turn complete
(not twice for the same answers in one session) and kept as the result page shows it, so
"since your previous check" compares two real moments and the numbers the person saw.
"""

from __future__ import annotations

import hashlib
import json

import streamlit as st

from vbestuur_engine import PhaseReadiness, Progress
from vbestuur_store import ReadinessEntry, Store

from .. import persistence, session
from ..i18n import t


def _fingerprint(progress: Progress) -> str:
    answers = {q: a if isinstance(a, str) else list(a) for q, a in progress.answers.items()}
    return hashlib.sha256(json.dumps(answers, sort_keys=True).encode()).hexdigest()


def mark_completed(progress: Progress) -> None:
    """The answers have just turned complete: keep this check when its result is shown.

    Why not save here: the result page may adjust the checklist (e.g. with the netwerklijst),
    and what is kept must be exactly what the person saw.
    """
    fingerprint = _fingerprint(progress)
    state = session.current()
    if state.readiness_recorded.get(progress.flow_id) != fingerprint:
        state.readiness_pending[progress.flow_id] = fingerprint


def _record_pending(flow_id: str, readiness: list[PhaseReadiness]) -> None:
    """Save the check marked by `mark_completed`, once (on this person's token only)."""
    state = session.current()
    token = persistence.session_token()
    fingerprint = state.readiness_pending.pop(flow_id, None)
    if token is None or fingerprint is None or not readiness:
        return
    scores = {row.phase: row.score for row in readiness}

    def record(store: Store) -> bool:
        store.record_readiness(token, flow_id, scores)
        return True

    if persistence.safely(record, False):
        state.readiness_recorded[flow_id] = fingerprint


def changes(previous: ReadinessEntry,
            readiness: list[PhaseReadiness]) -> list[tuple[str, int, int]]:
    """(phase, percent then, percent now) for each phase in both checks."""
    return [(row.phase, round(previous.scores[row.phase] * 100), round(row.score * 100))
            for row in readiness if row.phase in previous.scores]


def render_progress(flow_id: str, readiness: list[PhaseReadiness]) -> None:
    """Keep a just-completed check, then show the progress since the previous one."""
    _record_pending(flow_id, readiness)
    token = persistence.session_token()
    if token is None:
        return
    nothing: list[ReadinessEntry] = []
    history = persistence.safely(lambda store: store.readiness_history(token, flow_id), nothing)
    if len(history) < 2:
        st.caption(t("readiness.first"))
        return
    previous = history[-2]
    st.markdown(t("readiness.since", date=previous.when.strftime("%d-%m-%Y")))
    lines = [t("readiness.line", phase=t(f"phase.{phase}"), then=then, now=now,
               diff=f"{now - then:+d}") for phase, then, now in changes(previous, readiness)]
    st.markdown("\n".join(f"- {line}" for line in lines))
