"""Everything this session remembers, and the only functions that change it.

Why so strict: a person's answers are private and must never appear in a URL or a log. They
live in `st.session_state` under a few fixed keys and change only in widget callbacks
(`on_click`/`on_change`), which run before the page is drawn; so one run of a page always sees
one consistent state. Every change of answers goes through `Engine.walk`, which drops answers
that are no longer on the path and keeps the rest.

Why every change is also saved: a refresh starts a new Streamlit session. Each change is saved
at once under this browser's random token (`persistence.save_answers`, a no-op without one),
and a new session with a known token starts with the saved answers (`ensure_defaults`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import QuestionNode

from . import persistence
from .i18n import DEFAULT_LANG, LANG_KEY, LANGS

FLOW_KEY = "flow"
ANSWERS_KEY = "answers"
VIEW_KEY = "view"
EDIT_KEY = "edit_question"
NOTICE_KEY = "notice"
LOCAL_KEY = "local"
LANG_WIDGET = "lang_choice"
LOCAL_WIDGET = "local_choice"
RESTORED_KEY = "store:restored"
OPEN_FLOW_DOC = "gesprek"  # which conversation was open, so a refresh continues it
VIEWS = ("ask", "review", "edit", "result")
READINESS_DOORS = ("gereedheid", "organisatie")

Answer = str | list[str]


def widget_key(flow_id: str, question: str, value: str | None = None) -> str:
    """The widget key of a question (or of one checkbox of a multiple-choice question)."""
    base = f"ans:{flow_id}:{question}"
    return base if value is None else f"{base}:{value}"


def ensure_defaults(query_lang: str | None) -> None:
    """Fill in missing keys at the start of a run; `?lang=` only sets the first language."""
    ss = st.session_state
    if LANG_KEY not in ss:
        ss[LANG_KEY] = query_lang if query_lang in LANGS else DEFAULT_LANG
    ss.setdefault(ANSWERS_KEY, {})
    ss.setdefault(FLOW_KEY, None)
    ss.setdefault(VIEW_KEY, "ask")
    ss.setdefault(LOCAL_KEY, None)
    if RESTORED_KEY not in ss:
        ss[RESTORED_KEY] = True
        _restore()


def _restore() -> None:
    """A new session with a known token: the saved answers and the open conversation."""
    ss = st.session_state
    saved = persistence.load_answers()
    if not saved:
        return
    ss[ANSWERS_KEY] = {**saved, **ss[ANSWERS_KEY]}
    open_flow = persistence.load_document(OPEN_FLOW_DOC)
    if ss.get(FLOW_KEY) is None and isinstance(open_flow, dict) \
            and isinstance(open_flow.get("flow"), str):
        ss[FLOW_KEY] = open_flow["flow"]


def replace_answers(saved: Mapping[str, Mapping[str, Any]]) -> None:
    """Take over answers from elsewhere (a bewaarcode): drop this session's answers, widgets
    and open screen, so nothing of the old answers shows through."""
    ss = st.session_state
    for key in [k for k in ss if str(k).startswith("ans:")]:
        del ss[key]
    ss[ANSWERS_KEY] = {flow: dict(given) for flow, given in saved.items()}
    ss[RESTORED_KEY] = True
    ss[VIEW_KEY] = "ask"
    ss.pop(EDIT_KEY, None)


def answers(flow_id: str) -> dict[str, Answer]:
    """This session's answers for one flow (a copy: change them only through callbacks)."""
    stored: Mapping[str, Answer] = st.session_state.get(ANSWERS_KEY, {}).get(flow_id, {})
    return dict(stored)


def active_flow() -> str | None:
    value: str | None = st.session_state.get(FLOW_KEY)
    return value


def view() -> str:
    value = st.session_state.get(VIEW_KEY, "ask")
    return value if value in VIEWS else "ask"


def pop_notice() -> Any:
    """The one-time notice set by the last callback (shown once, then forgotten)."""
    return st.session_state.pop(NOTICE_KEY, None)


def local_name() -> str | None:
    value: str | None = st.session_state.get(LOCAL_KEY)
    return value


# --- callbacks -------------------------------------------------------------------------------

def set_lang() -> None:
    """on_change of the language switch."""
    chosen = st.session_state.get(LANG_WIDGET)
    if chosen in LANGS:
        st.session_state[LANG_KEY] = chosen


def set_local() -> None:
    """on_change of the municipality choice ('' means none)."""
    st.session_state[LOCAL_KEY] = st.session_state.get(LOCAL_WIDGET) or None


def start_flow(engine: Engine, flow_id: str) -> None:
    """on_click of a door: open the flow where this session left it."""
    st.session_state[FLOW_KEY] = flow_id
    persistence.save_document(OPEN_FLOW_DOC, {"flow": flow_id})
    progress = engine.walk(flow_id, answers(flow_id))
    st.session_state[VIEW_KEY] = "result" if progress.complete else "ask"
    st.session_state.pop(NOTICE_KEY, None)


def show(view_name: str) -> None:
    """on_click of a button that only switches the view (review, result, questions)."""
    st.session_state[VIEW_KEY] = view_name
    st.session_state.pop(EDIT_KEY, None)


def submit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Volgende": store the chosen answer and move on."""
    value = _read_widget(engine, flow_id, question)
    if value is None:
        st.session_state[NOTICE_KEY] = ("choose", question)
        return
    progress = _store(engine, flow_id, {**answers(flow_id), question: value})
    st.session_state[VIEW_KEY] = "result" if progress.complete else "ask"
    _completed(engine, progress)


def back(engine: Engine, flow_id: str) -> None:
    """on_click of "Vorige vraag": take back the last answer and show it again, chosen."""
    progress = engine.walk(flow_id, answers(flow_id))
    answered = [node for node in progress.path if node in progress.answers]
    if not answered:
        return
    last = answered[-1]
    kept = {q: a for q, a in answers(flow_id).items() if q != last}
    _seed_widget(engine, flow_id, last, progress.answers[last])
    _store(engine, flow_id, kept)
    st.session_state[VIEW_KEY] = "ask"


def begin_edit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Wijzig" on the review screen: show that one question, pre-filled."""
    current = answers(flow_id).get(question)
    if current is not None:
        _seed_widget(engine, flow_id, question, current)
    st.session_state[EDIT_KEY] = question
    st.session_state[VIEW_KEY] = "edit"


def save_edit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Opslaan": change one answer; the engine re-walks and drops what no
    longer fits. Back to the review when the path is complete, else to the next question."""
    value = _read_widget(engine, flow_id, question)
    if value is None:
        st.session_state[NOTICE_KEY] = ("choose", question)
        return
    progress = _store(engine, flow_id, {**answers(flow_id), question: value})
    st.session_state.pop(EDIT_KEY, None)
    _completed(engine, progress)
    st.session_state[VIEW_KEY] = "review" if progress.complete else "ask"


def restart(flow_id: str) -> None:
    """on_click of "Opnieuw beginnen": forget this flow's answers (and its widgets)."""
    st.session_state[ANSWERS_KEY] = {
        f: a for f, a in st.session_state.get(ANSWERS_KEY, {}).items() if f != flow_id}
    persistence.save_answers(flow_id, {})
    prefix = widget_key(flow_id, "")
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]
    st.session_state[VIEW_KEY] = "ask"


def edit_question() -> str | None:
    value: str | None = st.session_state.get(EDIT_KEY)
    return value


# --- helpers ---------------------------------------------------------------------------------

def _question(engine: Engine, flow_id: str, question: str) -> QuestionNode:
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    return node


def _read_widget(engine: Engine, flow_id: str, question: str) -> Answer | None:
    """The answer now chosen in the question's widget(s), or None when nothing is chosen."""
    node = _question(engine, flow_id, question)
    ss = st.session_state
    if node.kind == "multi":
        chosen = [o.value for o in node.options
                  if ss.get(widget_key(flow_id, question, o.value))]
        return chosen or None
    value = ss.get(widget_key(flow_id, question))
    return value if value in {o.value for o in node.options} else None


def _seed_widget(engine: Engine, flow_id: str, question: str, answer: object) -> None:
    """Put an earlier answer back into the question's widget(s) before they are drawn."""
    node = _question(engine, flow_id, question)
    if node.kind == "multi":
        chosen = set(answer) if isinstance(answer, (list, tuple)) else {answer}
        for option in node.options:
            st.session_state[widget_key(flow_id, question, option.value)] = (
                option.value in chosen)
    else:
        st.session_state[widget_key(flow_id, question)] = answer


def _completed(engine: Engine, progress: Progress) -> None:
    """A readiness check that has just been completed is kept with its date (issue 5)."""
    if progress.complete and engine.flow(progress.flow_id).flow.door in READINESS_DOORS:
        from .store_views.readiness import mark_completed

        mark_completed(progress)


def _store(engine: Engine, flow_id: str, new: Mapping[str, Answer]) -> Progress:
    """Walk with the new answers and keep only those on the path (plain lists, no tuples)."""
    progress = engine.walk(flow_id, new)
    kept = {q: (a if isinstance(a, str) else list(a)) for q, a in progress.answers.items()}
    st.session_state[ANSWERS_KEY] = {**st.session_state.get(ANSWERS_KEY, {}), flow_id: kept}
    persistence.save_answers(flow_id, kept)
    if progress.dropped:
        st.session_state[NOTICE_KEY] = ("dropped", len(progress.dropped))
    return progress
