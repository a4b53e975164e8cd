"""The presenter view for the projector: the step, its actions, prompts, the QR code, results.

Why large type and a wide page: the room reads this from the back of a council chamber. Why
the results live in a fragment with `run_every`: only the figures refresh (every 2 seconds),
not the step text, so the screen does not flicker while people answer. The figures come from
the store's tallies and stay hidden until k people answered; the wall then shows how many
answered and how many are needed, which names nobody.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service import workshop as ws
from vbestuur_store import PollVocabulary, StoreError, Workshop

from ..i18n import current_lang, t
from ..store_views.local import session_local
from ..widgets import actions_list, heading, plain
from . import backend, qr
from .charts import gedrag_figure, geregeld_figure
from .prompts import poll_vocabulary, prompts_for

REFRESH_SECONDS = 2
# Fixed CSS (never content text): large type inside the presenter container only.
SCREEN_CSS = """<style>
div[class*="st-key-ws-screen"] p, div[class*="st-key-ws-screen"] li { font-size: 1.7rem;
  line-height: 1.35; }
div[class*="st-key-ws-screen"] h1 { font-size: 3rem; }
div[class*="st-key-ws-screen"] h3 { font-size: 2rem; }
div[class*="st-key-ws-code"] p { font-size: 2.8rem; font-weight: 700; letter-spacing: 0.08em;
  white-space: nowrap; }
</style>"""


def render(engine: Engine) -> None:
    """The page (for the facilitator's session only)."""
    st.set_page_config(layout="wide")
    current = backend.facilitator()
    if current is None:
        st.info(t("ws.screen.login_first"))
        return
    code, pin = current
    try:
        workshop = ws.get(backend.rt(), code)
    except StoreError as err:
        backend.show_error(err)
        return
    st.html(SCREEN_CSS)
    backend.show_notice()
    with st.container(key="ws-screen"):
        main, side = st.columns([2, 1], gap="large")
        with side:
            _join_panel(code)
        with main:
            _step_panel(engine, workshop)
            _live_results(code, workshop.current_step, poll_vocabulary(engine))
            _step_buttons(workshop, pin)


@st.cache_data(show_spinner=False, max_entries=64)
def _qr(url: str) -> bytes:
    return qr.qr_png(url)


def _page_url() -> str | None:
    try:
        url = st.context.url
    except (AttributeError, RuntimeError):
        return None
    return url if isinstance(url, str) else None


def _join_panel(code: str) -> None:
    """Where and how to join: the address, the code in big letters, and the QR code."""
    url = qr.join_url(qr.base_url(_page_url(), backend.rt().settings.public_url), code)
    st.markdown(plain(t("ws.screen.join", url=url.split("?")[0])))
    with st.container(key="ws-code"):
        st.markdown(plain(code))
    st.image(_qr(url), caption=t("ws.screen.qr", code=code), width="stretch",
             alt=t("ws.screen.qr_alt", url=url.split("?")[0], code=code))


def _step_panel(engine: Engine, workshop: Workshop) -> None:
    lang = current_lang()
    step = engine.content.steps[workshop.current_step]
    index = workshop.steps.index(step.id) + 1
    st.caption(plain(t("ws.screen.position", phase=t(f"phase.{step.phase}"), index=index,
                       total=len(workshop.steps))))
    heading(plain(t("ws.screen.step", number=step.id, title=step.title.get(lang))), 1)
    local = session_local(engine)
    heading(t("ws.screen.actions"), 2)
    st.markdown(actions_list(engine, step, lang, local))
    heading(t("ws.screen.prompts"), 2)
    prompts = prompts_for(engine, step.id)
    st.markdown("\n".join(f"- {plain(p.get(lang))}" for p in prompts))


@st.fragment(run_every=REFRESH_SECONDS)
def _live_results(code: str, step_id: int, polls: PollVocabulary) -> None:
    """The room's answers so far; refreshed on its own every few seconds."""
    lang = current_lang()
    try:
        workshop, result = ws.results(backend.rt(), code, step_id, polls)
    except StoreError as err:
        backend.show_error(err)
        return
    if workshop.ended:
        st.info(t("ws.screen.ended"))
    st.markdown(plain(t("ws.screen.joined", count=workshop.participants)))
    tallies = [(t("ws.q.geregeld"), result.geregeld, geregeld_figure)]
    if result.gedrag is not None:
        tallies.append((t("ws.q.gedrag"), result.gedrag, gedrag_figure))
    for title, tally, make in tallies:
        heading(title, 2)
        figure = make(tally, lang)
        if figure is None:
            st.markdown(plain(t("ws.screen.waiting", respondents=tally.respondents,
                                needed=tally.needed)))
            continue
        st.caption(t("ws.screen.answers", respondents=tally.respondents))
        st.plotly_chart(figure, key=f"ws-chart-{step_id}-{tally.question}", width="stretch",
                        config={"displayModeBar": False})


def _move(code: str, pin: str, step_id: int) -> None:
    """Callback: put another step on the screen (the store checks the PIN)."""
    try:
        ws.move(backend.rt(), code, pin, step_id)
    except StoreError as err:
        backend.keep_error(err)


def _step_buttons(workshop: Workshop, pin: str) -> None:
    position = workshop.steps.index(workshop.current_step)
    before, after = st.columns(2)
    with before:
        st.button(t("ws.screen.prev"), key="ws-prev", disabled=position == 0,
                  on_click=_move, width="stretch",
                  args=(workshop.code, pin, workshop.steps[max(position - 1, 0)]))
    with after:
        last = position == len(workshop.steps) - 1
        st.button(t("ws.screen.next"), key="ws-next", type="primary", disabled=last,
                  on_click=_move, width="stretch",
                  args=(workshop.code, pin,
                        workshop.steps[min(position + 1, len(workshop.steps) - 1)]))
