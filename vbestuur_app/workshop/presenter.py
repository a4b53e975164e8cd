"""The presenter view for the projector: the step and its prompts on one side; the result, the
join address and its QR code on the other; previous / reveal / next as big buttons and as keys
(← → and the space bar, `KEYS`). Opened in a second window, it takes the console's one-time
hand-over from its address (handover.py), so the projector needs no second sign-in.

Why no live figures (issue 13): the results fragment refreshes every 2 seconds, but until the
facilitator presses "Toon de uitslag" it shows only how many answered. The reveal fixes the
figures and closes the step's poll (vbestuur_store.workshop_reveal), so a figure on the wall
never moves by one vote. Beside the room's verdict the whole distribution is shown, so
everyone can check the rule of docs/workshop.md. Layout and chrome: beamer.py.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service import workshop as ws
from vbestuur_service.i18n import N_
from vbestuur_service.i18n.words import PHASE_NAMES, WS_FORMS
from vbestuur_store import PollVocabulary, RoomView, StoreError, Tally, Workshop

from .. import persistence
from ..i18n import _, current_lang, ngettext, pgettext
from ..store_views.local import session_local
from ..widgets import actions_list, heading, plain
from . import backend, beamer, handover
from .prompts import poll_vocabulary, prompts_for

REFRESH_SECONDS = 2
# Keys like a slide show: arrows for previous / next, the space bar shows the result. Streamlit
# binds them on the page and ignores them while the focus is in a text field.
KEYS = {"ws-prev": "Left", "ws-next": "Right", "ws-reveal": "Space"}
VERDICT_KEYS = {"ja": N_("geregeld"), "deels": N_("deels geregeld"), "nee": N_("niet geregeld"),
                "weet-niet": N_("onbekend")}


def render(engine: Engine) -> None:
    """The page (for the facilitator's session only)."""
    st.set_page_config(layout="wide")
    current = _handed_over() or backend.facilitator()
    if current is None:
        heading(_("Workshopscherm"), 1)  # every page has its h1, also the empty screen
        st.info(_("Open eerst een workshop op de pagina ‘Workshop’."))
        return
    code, pin = current
    workshop = _workshop(code)
    if workshop is None:
        return
    beamer.chrome_css()
    with st.container(key="ws-screen"):
        backend.show_notice()
        left, right = st.columns([3, 2], gap="large")
        with left, st.container(key="ws-text"):
            _step_panel(engine, workshop)
        with right:
            _results(code, workshop.current_step, poll_vocabulary(engine))
            beamer.join_panel(code)
        _step_buttons(workshop, pin, poll_vocabulary(engine))


def _handed_over() -> tuple[str, str] | None:
    """The console's one-time hand-over in the address (a second window for the projector):
    redeemed for this session and taken out of the address at once (handover.py)."""
    token = st.query_params.get(handover.PARAM)
    if token is None:
        return None
    del st.query_params[handover.PARAM]
    grant = handover.BOOK.redeem(token, persistence.read_cookie())
    if grant is None:
        st.warning(_(
            "Deze link voor het scherm is al gebruikt of verlopen. Open het scherm opnieuw "
            "vanaf de pagina ‘Workshop’."))
        return None
    backend.set_facilitator(*grant)
    return grant


def _step_panel(engine: Engine, workshop: Workshop) -> None:
    lang = current_lang()
    step = engine.content.steps[workshop.current_step]
    index = workshop.steps.index(step.id) + 1
    st.caption(plain(_(
        "{phase} · stap {index} van {total} in deze workshop", phase=_(PHASE_NAMES[step.phase]),
        index=index, total=len(workshop.steps))))
    heading(plain(_("Stap {number}: {title}", number=step.id, title=step.title.get(lang))), 1)
    heading(_("Wat de leidraad vraagt"), 2)
    st.markdown(actions_list(engine, step, lang, session_local(engine)))
    heading(_("Om over te praten"), 2)
    prompts = prompts_for(engine, step.id)
    st.markdown("\n".join(f"- {plain(p.get(lang))}" for p in prompts))


def _workshop(code: str) -> Workshop | None:
    """The open workshop, or None after its problem was said (the database, say)."""
    try:
        return ws.get(backend.rt(), code)
    except StoreError as err:
        backend.show_error(err)
        return None


@st.fragment(run_every=REFRESH_SECONDS)
def _results(code: str, step_id: int, polls: PollVocabulary) -> None:
    """How many answered, or (after the reveal) the fixed figures and the verdict."""
    try:
        view = ws.results(backend.rt(), code, step_id, polls)
    except StoreError as err:
        backend.show_error(err)
        return
    if view.workshop.ended:
        st.info(_("De workshop is afgelopen. Dank u wel!"))
    st.markdown(plain(_joined(view.workshop)))
    if not view.revealed:
        tally = view.result.geregeld
        if tally.respondents >= tally.needed:
            text = _(
                "{respondents} antwoorden. De begeleider toont de uitslag als iedereen heeft "
                "geantwoord.", respondents=tally.respondents, needed=tally.needed)
        else:
            text = _(
                "{respondents} van minimaal {needed} antwoorden. De uitslag verschijnt als er "
                "genoeg antwoorden zijn.", respondents=tally.respondents, needed=tally.needed)
        st.markdown(plain(text))
        return
    with st.container(key="ws-revealed"):  # beamer.py makes room for it (a smaller QR code)
        _revealed(view, polls)


def _joined(workshop: Workshop) -> str:
    if workshop.max_participants is None:
        return ngettext(
            "{count} deelnemer",
            "{count} deelnemers", workshop.participants, count=workshop.participants)
    return _(
        "{count} van hoogstens {most} deelnemers", count=workshop.participants,
        most=workshop.max_participants)


def _revealed(view: RoomView, polls: PollVocabulary) -> None:
    """The verdict with the distribution beside it, and the experiences if shown."""
    tally, verdict = view.result.geregeld, view.result.verdict
    counts = tally.counts or {}
    if verdict is not None:
        heading(pgettext(
            "screen: the room's verdict",
            "Oordeel van de zaal: {verdict}", verdict=_(VERDICT_KEYS[verdict])), 2)
    st.markdown(plain(_(
        "Ja {ja} · Deels {deels} · Nee {nee} · Weet ik niet {weet} (van {n})",
        ja=counts.get("ja", 0), deels=counts.get("deels", 0), nee=counts.get("nee", 0),
        weet=counts.get("weet-niet", 0), n=tally.respondents)))
    if view.result.gedrag is not None:
        _experiences(view.result.gedrag, polls)


def _experiences(tally: Tally, polls: PollVocabulary) -> None:
    heading(_("Meegemaakt in het afgelopen jaar"), 2)  # short: the question is on the phones
    if tally.counts is None:
        st.markdown(plain(_(
            "{respondents} van minimaal {needed} antwoorden. De uitslag verschijnt als er "
            "genoeg antwoorden zijn.", respondents=tally.respondents, needed=tally.needed)))
        return
    st.markdown(plain(" · ".join(f"{_(WS_FORMS[o])} {tally.counts[o]}"
                                 for o in polls.options("gedrag"))))


def _move(code: str, pin: str, step_id: int) -> None:
    """Callback: put another step on the screen (the store checks the PIN)."""
    try:
        ws.move(backend.rt(), code, pin, step_id)
    except StoreError as err:
        backend.keep_error(err)


def _reveal(code: str, pin: str, polls: PollVocabulary) -> None:
    """Callback: fix the step's figures and close its poll (refused below k)."""
    try:
        ws.reveal(backend.rt(), code, pin, polls)
    except StoreError as err:
        backend.keep_error(err)
    else:
        backend.clear_notice()


def _step_buttons(workshop: Workshop, pin: str, polls: PollVocabulary) -> None:
    position, steps = workshop.steps.index(workshop.current_step), workshop.steps
    with st.container(key="ws-buttons"):
        before, show, after = st.columns(3)
    with before:
        st.button(_("Vorige stap"), key="ws-prev", disabled=position == 0, on_click=_move,
                  shortcut=KEYS["ws-prev"],
                  width="stretch", args=(workshop.code, pin, steps[max(position - 1, 0)]))
    with show:
        st.button(_("Toon de uitslag"), key="ws-reveal", on_click=_reveal, width="stretch",
                  shortcut=KEYS["ws-reveal"],
                  disabled=workshop.ended, args=(workshop.code, pin, polls))
    with after:
        last = position == len(steps) - 1
        st.button(_("Volgende stap"), key="ws-next", type="primary", disabled=last,
                  shortcut=KEYS["ws-next"],
                  on_click=_move, width="stretch",
                  args=(workshop.code, pin, steps[min(position + 1, len(steps) - 1)]))
