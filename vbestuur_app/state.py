"""The conversation's callbacks: the only functions that change a conversation's state.

Why so strict: a person's answers are private and must never appear in a URL or a log. They
live in this session's typed state (`session.Session`) and change only in widget callbacks
(`on_click`/`on_change`), which run before the page is drawn; so one run of a page always sees
one consistent state. What an action does to the answers is decided by the service
(`vbestuur_service.conversation`); a callback reads the widget, calls it, and keeps the result.

Why every change is also saved: a refresh starts a new Streamlit session. Each change is saved
at once under this browser's random token (`persistence.save_answers`, a no-op without one),
and a new session with a known token starts with the saved answers (`ensure_defaults`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from vbestuur_engine import Engine
from vbestuur_engine.schema import QuestionNode
from vbestuur_service import conversation as uc
from vbestuur_service import register, runtime
from vbestuur_store import StoreError

from . import persistence, session
from .session import DEFAULT_LANG, LANGS, Answer

LANG_WIDGET = "lang_choice"
LOCAL_WIDGET = "local_choice"
CONVERSATION = "conversation"  # the notice place of the question, review and edit screens


def widget_key(flow_id: str, question: str, value: str | None = None) -> str:
    """The widget key of a question (or of one checkbox of a multiple-choice question)."""
    base = f"ans:{flow_id}:{question}"
    return base if value is None else f"{base}:{value}"


def ensure_defaults(query_lang: str | None) -> None:
    """Fill in what is missing at the start of a run; `?lang=` only sets the first language."""
    state = session.current()
    if state.lang is None:
        state.lang = query_lang if query_lang in LANGS else DEFAULT_LANG
    if not state.restored:
        state.restored = True
        _restore(state)


def _restore(state: session.Session) -> None:
    """A new session with a known token: the saved answers and the open conversation."""
    saved = persistence.load_answers()
    if not saved:
        return
    state.answers = {**saved, **state.answers}
    if state.flow is None:
        state.flow = persistence.attempt(lambda v: v.open_flow(), None)


def replace_answers(saved: Mapping[str, Mapping[str, Any]]) -> None:
    """Take over answers from elsewhere (a bewaarcode): drop this session's answers, widgets
    and open screen, so nothing of the old answers shows through."""
    session.drop_widgets("ans:")
    state = session.current()
    state.answers = {flow: dict(given) for flow, given in saved.items()}
    state.restored = True
    state.view = "ask"
    state.edit_question = None


def answers(flow_id: str) -> dict[str, Answer]:
    """This session's answers for one flow (a copy: change them only through callbacks)."""
    return dict(session.current().answers.get(flow_id, {}))


def active_flow() -> str | None:
    return session.current().flow


def view() -> str:
    return session.view()


def local_name() -> str | None:
    return session.current().local


def role(engine: Engine) -> str | None:
    """The role this visit has given (asked once, reused by every flow with a role question);
    after a reload, the role found in the saved answers. "" means the person went back to the
    role question: ask it again rather than take it from another flow."""
    state = session.current()
    if state.role is None:
        state.role = uc.remembered_role(engine, state.answers)
    return state.role or None


# --- callbacks -------------------------------------------------------------------------------

def set_lang() -> None:
    """on_change of the language switch."""
    chosen = session.widget(LANG_WIDGET)
    if chosen in LANGS:
        session.current().lang = chosen


def set_local() -> None:
    """on_change of the municipality choice ('' means none)."""
    session.current().local = session.widget(LOCAL_WIDGET) or None


def start_flow(engine: Engine, flow_id: str) -> None:
    """on_click of a door: open the flow where this session left it."""
    state = session.current()
    state.flow = flow_id
    persistence.remember_open_flow(flow_id)
    if flow_id == register.ORG_FLOW:
        _prefill_from_register(engine)
    state.view = uc.opened_view(engine, flow_id, answers(flow_id), role(engine))
    session.clear(CONVERSATION)


def show(view_name: str) -> None:
    """on_click of a button that only switches the view (review, result, questions)."""
    state = session.current()
    state.view = view_name
    state.edit_question = None


def submit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Volgende": store the chosen answer and move on."""
    value = _read_widget(engine, flow_id, question)
    if value is None:
        session.notify(CONVERSATION, "choose", question=question)
        return
    _keep(engine, uc.answer(engine, flow_id, answers(flow_id), question, value, role(engine)))


def back(engine: Engine, flow_id: str) -> None:
    """on_click of "Vorige vraag": take back the last answer and show it again, chosen."""
    taken = uc.back(engine, flow_id, answers(flow_id), role(engine))
    if taken is None:
        return
    if taken.role_cleared:
        session.current().role = ""
    _seed_widget(engine, flow_id, taken.question, taken.previous)
    _keep(engine, taken.moved)


def begin_edit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Wijzig" on the review screen: show that one question, pre-filled."""
    current = answers(flow_id).get(question)
    if current is not None:
        _seed_widget(engine, flow_id, question, current)
    state = session.current()
    state.edit_question = question
    state.view = "edit"


def save_edit(engine: Engine, flow_id: str, question: str) -> None:
    """on_click of "Opslaan": change one answer; the engine re-walks and drops what no
    longer fits. Back to the review when the path is complete, else to the next question."""
    value = _read_widget(engine, flow_id, question)
    if value is None:
        session.notify(CONVERSATION, "choose", question=question)
        return
    session.current().edit_question = None
    _keep(engine, uc.edit(engine, flow_id, answers(flow_id), question, value, role(engine)))


def restart(flow_id: str) -> None:
    """on_click of "Opnieuw beginnen": forget this flow's answers (and its widgets)."""
    state = session.current()
    state.answers = {f: a for f, a in state.answers.items() if f != flow_id}
    persistence.save_answers(flow_id, {})
    session.drop_widgets(widget_key(flow_id, ""))
    state.view = "ask"


def edit_question() -> str | None:
    return session.current().edit_question


# --- helpers ---------------------------------------------------------------------------------

def _question(engine: Engine, flow_id: str, question: str) -> QuestionNode:
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    return node


def _read_widget(engine: Engine, flow_id: str, question: str) -> Answer | None:
    """The answer now chosen in the question's widget(s), or None when nothing is chosen."""
    node = _question(engine, flow_id, question)
    if node.kind == "multi":
        chosen = [o.value for o in node.options
                  if session.widget(widget_key(flow_id, question, o.value))]
        return chosen or None
    value = session.widget(widget_key(flow_id, question))
    return value if value in {o.value for o in node.options} else None


def _seed_widget(engine: Engine, flow_id: str, question: str, answer: object) -> None:
    """Put an earlier answer back into the question's widget(s) before they are drawn."""
    node = _question(engine, flow_id, question)
    if node.kind == "multi":
        chosen = set(answer) if isinstance(answer, (list, tuple)) else {answer}
        for option in node.options:
            session.set_widget(widget_key(flow_id, question, option.value),
                               option.value in chosen)
    else:
        session.set_widget(widget_key(flow_id, question), answer)


def _keep(engine: Engine, moved: uc.Moved) -> None:
    """Keep what an action decided: the answers (saved at once), the next screen, a notice
    about dropped answers, and a readiness check that has just been completed."""
    flow_id = moved.progress.flow_id
    state = session.current()
    state.answers = {**state.answers, flow_id: moved.answers}
    state.view = moved.view
    state.role = uc.role_of(engine, flow_id, moved.answers) or state.role
    persistence.save_answers(flow_id, moved.answers)
    if moved.dropped:
        session.notify(CONVERSATION, "dropped", count=moved.dropped)
    if flow_id == register.ORG_FLOW:
        _fill_in_register(engine, moved)
    if moved.progress.complete and uc.is_readiness(engine, flow_id):
        _record_check(engine, moved)


def _prefill_from_register(engine: Engine) -> None:
    """The organisatie interview starts from the griffie's register (the source of truth);
    with the register out of reach it starts from this session's own answers."""
    steps, rt = register.question_steps(engine).values(), runtime.current()
    try:  # a hung database costs the door at most a moment (F3)
        items = rt.within(lambda: register.items(rt, steps), persistence.RESTORE_SECONDS)
    except StoreError as err:
        persistence.report(err)
        return
    state = session.current()
    given = register.prefilled(engine, items, answers(register.ORG_FLOW))
    kept = uc.walk(engine, register.ORG_FLOW, given, "ask").answers
    state.answers = {**state.answers, register.ORG_FLOW: kept}
    session.drop_widgets(widget_key(register.ORG_FLOW, ""))


def _fill_in_register(engine: Engine, moved: uc.Moved) -> None:
    """An unlocked griffie's answers go into the register, audited under their name."""
    actor = session.griffie_editor(time.time())
    if actor is None:
        return
    try:
        register.fill_in(runtime.current(), engine, moved.answers, actor)
    except StoreError as err:
        persistence.report(err)


def _record_check(engine: Engine, moved: uc.Moved) -> None:
    """Keep the completed check as the result will show it, once per set of answers."""
    state, progress = session.current(), moved.progress
    fingerprint = uc.fingerprint(progress)
    if state.readiness_recorded.get(progress.flow_id) == fingerprint:
        return
    rows = uc.readiness(engine, progress, persistence.netwerklijst())
    if persistence.keep(lambda v: uc.record_check(v, progress.flow_id, rows), False):
        state.readiness_recorded[progress.flow_id] = fingerprint
