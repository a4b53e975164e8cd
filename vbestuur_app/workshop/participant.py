"""The participant's page, on a phone: join with the room code, answer the step on the screen.

Why no form and no name: one tap on an answer saves it (a radio with a callback), so nothing is
lost when the page refreshes to follow the facilitator, and nobody has to type more than the
room code. The page shows only the participant's own answer, never anyone else's and never the
room's totals (those are on the wall, once the facilitator reveals them).

Why the cookie (issue 13): a participant is this device in this room. The page joins with the
browser's HttpOnly session cookie (set by asgi.py, read by `persistence.read_cookie`), and the
store keys the participant by a hash of (room code, cookie token). A reload, a second tab or a
reopened browser joins as the same participant with the same answers; without a cookie the page
says so instead of counting a new person at every join.

Why fragments (issue 15): forty phones follow the facilitator with a refresh every few
seconds. That refresh (`_follow`) draws nothing and redraws the page only when the room changed;
each question is a fragment of its own, so an answer redraws that question alone
(docs/workshop.md, "Forty phones at once"; measured by bench/workshop.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service import workshop as ws
from vbestuur_service.i18n import N_
from vbestuur_service.i18n.words import WS_FORMS, WS_OPTIONS
from vbestuur_service.staff import Refused
from vbestuur_store import PollVocabulary, StoreError
from vbestuur_store.workshop_phone import PhoneView
from vbestuur_store.workshop_polls import GEDRAG, GEREGELD, questions_for

from .. import clients, persistence, session
from ..i18n import _, current_lang
from ..widgets import heading, heading_with_text, plain
from . import backend
from .prompts import poll_vocabulary

REFRESH_SECONDS = 3
TITLE = N_("Meedoen aan een workshop")  # the page's h1, whatever the page shows
CODE_WIDGET = "ws-join-code"


def vote_key(step_id: int, question: str, value: str | None = None) -> str:
    """The widget key of a question (or of one checkbox of the experience question)."""
    base = f"ws-vote-{step_id}-{question}"
    return base if value is None else f"{base}-{value}"


def render(engine: Engine) -> None:
    """The page: the join form, or the poll of the step on the screen."""
    joined = backend.participant()
    if joined is None:
        heading(_(TITLE), 1)
        _join_form()
        return
    _room(engine, *joined)
    st.caption(_(
        "U doet mee met dit apparaat. Herladen of een tweede tabblad telt niet als een nieuwe "
        "deelnemer; uw antwoord blijft staan."))


def _join_form() -> None:
    st.markdown(plain(_(
        "U doet mee zonder naam en zonder account. Niemand ziet wat u antwoordt. Op het scherm "
        "komen alleen de totalen van de zaal, en pas als genoeg mensen hebben geantwoord.")))
    backend.show_notice()
    if not session.has_widget(CODE_WIDGET):
        session.set_widget(CODE_WIDGET, st.query_params.get("code", ""))
    code = st.text_input(_("Workshopcode (staat op het scherm)"), key=CODE_WIDGET, max_chars=12)
    if st.button(_("Meedoen"), key="ws-join", type="primary"):
        _join(code)


def _join(code: str) -> None:
    """Join with this device's cookie; a code that lets nobody in gets one calm sentence,
    whatever the reason (unknown, expired, ended, full: no existence oracle, F15), and
    guessing is slowed per client (vbestuur_service.workshop.join)."""
    device = persistence.read_cookie()
    if device is None:
        st.warning(_(
            "Meedoen lukt alleen als deze browser cookies van deze site toestaat. Zet "
            "cookies aan en laad de pagina opnieuw."))
        return
    try:
        joined = ws.join(backend.rt(), code, device, client=clients.address())
    except StoreError as err:
        backend.show_error(err)
        return
    if isinstance(joined, Refused):
        st.error(_(
            "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.",
            seconds=joined.wait) if joined.wait else _(
            "Met deze code kunt u nu niet meedoen. Kijk de code op het scherm na, of vraag de "
            "begeleider om hulp."), icon="⚠️")
        return
    backend.set_participant(*joined)
    st.rerun()


@dataclass
class Drawn:
    """What the page shows now: the room's state it was drawn for, and per question the answer
    its fragment drew last. The page's fragments share this one object (Streamlit keeps a
    fragment's arguments by reference between its reruns), so the refresh compares with what
    is on the screen: an answer given on this page is no reason to redraw it, one given in
    another tab of the same device is."""

    state: tuple[int, bool, bool]  # step, ended, revealed
    answers: dict[str, list[str] | None] = field(default_factory=dict)
    fresh: PhoneView | None = None  # the page's own read, for its first draw of the questions

    @staticmethod
    def state_of(view: PhoneView) -> tuple[int, bool, bool]:
        return view.step, view.ended, view.revealed

    def shows(self, view: PhoneView | None) -> bool:
        return view is not None and self.state_of(view) == self.state and all(
            view.answer(q) == answer for q, answer in self.answers.items())


def _room(engine: Engine, code: str, token: str) -> None:
    """The step on the screen and its questions, drawn in full only when the room changed.

    The page's one read of the room serves its refresh and its questions in this run
    (`drawn.fresh`, issue 15: a second read was a sixth of the page's cost); it is cleared on
    every way out, so their own later reruns read the room again."""
    try:
        view = ws.phone(backend.rt(), code, token)
    except StoreError as err:
        heading(_(TITLE), 1)
        backend.show_error(err)
        _follow(code, token, None)
        return
    drawn = Drawn(Drawn.state_of(view), fresh=view)
    try:
        _follow(code, token, drawn)
        _step(engine, code, token, view, drawn)
    finally:
        drawn.fresh = None


def _step(engine: Engine, code: str, token: str, view: PhoneView, drawn: Drawn) -> None:
    """The end of the workshop, the revealed step, or the step's questions."""
    if view.ended:
        heading(_(TITLE), 1)
        st.info(_("De workshop is afgelopen. Dank u wel!"))
        return
    lang, polls = current_lang(), poll_vocabulary(engine)
    step = engine.content.steps[view.step]
    # The page's h1 and the step's h2 as one element: each element costs a rerun the same.
    step_title = _("Stap {number}: {title}", number=step.id, title=step.title.get(lang))
    heading_with_text(_(TITLE), f"## {plain(step_title)}", 1)
    if view.revealed:
        st.info(_("De uitslag van deze stap staat op het scherm. Wacht op de volgende stap."))
        drawn.answers[GEREGELD] = view.answer(GEREGELD)
        _yours(drawn.answers[GEREGELD], lambda v: _(WS_OPTIONS[v], lang))
        return
    with st.container(key=f"ans-ws-{step.id}"):  # the app's large touch targets (widgets.py)
        heading(_("Is dit bij ons geregeld?"), 3)  # a question's fixed text: outside its fragment
        _geregeld(code, token, drawn, polls)
        if GEDRAG in questions_for(step.id, polls):
            heading_with_text(
                _("Welke van deze vormen van gedrag heeft u het afgelopen jaar meegemaakt?"),
                _("Kies alles wat past. Niets meegemaakt? Kies ‘Geen van deze’."), 3)
            _gedrag(code, token, drawn, polls)


@st.fragment(run_every=REFRESH_SECONDS)
def _follow(code: str, token: str, drawn: Drawn | None) -> None:
    """Follow the facilitator: every few seconds read the room as this phone would show it,
    and redraw the page only when that differs from what it shows (`drawn`, None for the
    database's message: another step, the figures revealed, the end, an answer from another
    tab, the database back or gone).

    Why a fragment that draws nothing: a rerun of a fragment redraws all of its elements, so
    the refresh that forty phones run every few seconds is kept to one small read
    (vbestuur_store.workshop_phone) and no element at all; in the page's own run, not even
    that (the page's read of a moment ago, `drawn.fresh`)."""
    now: PhoneView | None = None if drawn is None else drawn.fresh
    if now is None:
        try:
            now = ws.phone(backend.rt(), code, token)
        except StoreError:
            now = None
    if (now is None) != (drawn is None) or (drawn is not None and not drawn.shows(now)):
        st.rerun()


def _fresh(code: str, token: str, drawn: Drawn, question: str) -> list[str] | None:
    """For a question's draw: the participant's stored answer, read back so it is true (in the
    page's run: the page's own read of a moment ago), and noted in `drawn`; the whole page is
    redrawn instead when the room moved on or the read failed (the page then says why)."""
    now: PhoneView | None = drawn.fresh
    if now is None:
        try:
            now = ws.phone(backend.rt(), code, token)
        except StoreError:
            now = None
    if now is None or Drawn.state_of(now) != drawn.state:
        st.rerun()
    drawn.answers[question] = now.answer(question)
    return drawn.answers[question]


def _send(code: str, token: str, step_id: int, question: str, answer: list[str],
          polls: PollVocabulary) -> None:
    """Store the answer (from a callback); the outcome is shown on the next draw."""
    try:
        ws.vote(backend.rt(), code, token, step_id, question, answer, polls)
    except StoreError as err:
        backend.keep_error(err)
        return
    backend.clear_notice()


def _on_geregeld(code: str, token: str, step_id: int, polls: PollVocabulary) -> None:
    value = session.widget(vote_key(step_id, GEREGELD))
    if isinstance(value, str):
        _send(code, token, step_id, GEREGELD, [value], polls)


@st.fragment
def _geregeld(code: str, token: str, drawn: Drawn, polls: PollVocabulary) -> None:
    """The arranged question's answers; a fragment, so an answer redraws them alone (the
    question's heading is the page's: it does not change)."""
    current, lang, step_id = _fresh(code, token, drawn, GEREGELD), current_lang(), drawn.state[0]
    backend.show_notice()
    index = polls.geregeld.index(current[0]) if current else None
    st.radio(_(
        "Is dit bij ons geregeld?"), polls.geregeld, index=index, key=vote_key(step_id, GEREGELD),
             format_func=lambda v: _(WS_OPTIONS[v], lang), label_visibility="collapsed",
             on_change=_on_geregeld, args=(code, token, step_id, polls), width="stretch")
    _yours(current, lambda v: _(WS_OPTIONS[v], lang))


def _yours(current: list[str] | None, label: Callable[[str], str]) -> None:
    """What is stored for this participant now (read back from the store, so it is true),
    and that it can still change: one element, as every element costs a rerun the same."""
    if current is None:
        return
    answer = ", ".join(label(v) for v in current) or _("Geen van deze")
    st.success(plain(_("Uw antwoord nu: {answer}", answer=answer)) + "\n\n" + plain(_(
        "Uw antwoord is bewaard. U kunt het wijzigen zolang deze stap op het scherm staat.")))


@st.fragment
def _gedrag(code: str, token: str, drawn: Drawn, polls: PollVocabulary) -> None:
    """The experience question's options as one set of pills, then its send button; a
    fragment, so a tap or its send redraws them alone (the heading and the hint are the page's).

    Pills, as the incident register asks the same question (incidents/form.py): one element
    for all seven options instead of a checkbox each, which were over a third of the whole
    page's cost (issue 15)."""
    current, step_id = _fresh(code, token, drawn, GEDRAG), drawn.state[0]
    backend.show_notice()
    chosen = None if current is None else (current or [polls.none_met])
    st.pills(_("Welke van deze vormen van gedrag heeft u het afgelopen jaar meegemaakt?"),
             polls.options(GEDRAG), selection_mode="multi", default=chosen,
             key=vote_key(step_id, GEDRAG), format_func=lambda v: _(WS_FORMS[v]),
             label_visibility="collapsed")
    _yours(current, lambda v: _(WS_FORMS[v]))
    st.button(_("Antwoord versturen"), key=vote_key(step_id, GEDRAG, "send"), type="primary",
              on_click=_on_gedrag, args=(code, token, step_id, polls))


def _on_gedrag(code: str, token: str, step_id: int, polls: PollVocabulary) -> None:
    """Send the chosen forms; "none of these" alone is an answer too (an empty list)."""
    value = session.widget(vote_key(step_id, GEDRAG))
    picked = set(value) if isinstance(value, list) else set()
    ticked = [o for o in polls.options(GEDRAG) if o in picked]
    if not ticked:
        backend.set_notice("error", _("Kies eerst een antwoord."))
    elif polls.none_met in ticked and len(ticked) > 1:
        backend.set_notice("error", _("Kies ‘Geen van deze’ óf een of meer vormen, niet allebei."))
    else:
        _send(code, token, step_id, GEDRAG, [o for o in ticked if o != polls.none_met], polls)
