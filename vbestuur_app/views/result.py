"""The result of a finished flow, in layers: "Doe nu", "Vandaag / deze week", "Goed om te weten".

Why in this order: a frightened person on a phone must see the first action (a call button)
without scrolling. So first at most three short actions, then the advice for today and this
week, then what is good to know, folded; the checklist of steps still open is folded too. The
notes shown on the way ("beantwoord de volgende vragen pas als…") belong to the interview and
are left out. For the readiness flows the summary (score per phase, the three steps to do
first) and the exports come first, because "how far am I" is the question they answer.

Why so few elements: each Streamlit element costs every rerun ~0.2 ms of server CPU, so the
layers and the checklist are fixed HTML around escaped text in one or two `st.html` blocks,
built once per result (views/result_html.py), with native folds. The exports are one link
to a page of their own ("Bewaar of print uw advies", views/keep_advice.py): in a fold here
they cost every rerun of this page a fragment, an expander and their upkeep, ~1 ms (issue
15). The readiness results show them here, at the top (views/downloads.py); each file is
built only on its click.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import OutcomeNode
from vbestuur_service import conversation as uc
from vbestuur_service import register

from .. import links, persistence, session, state
from ..i18n import _
from ..incidents import hooks as incident_hooks
from ..netwerk import hooks as netwerk_hooks
from ..store_views import local
from ..widgets import heading
from . import Ctx, downloads, html_text, summary
from . import result_html as rh


def render(ctx: Ctx, progress: Progress) -> None:
    """Draw the result of a complete flow: the outcome, the layers and the checklist as a few
    cached `st.html` blocks (views/result_html.py), the exports on demand."""
    assert progress.outcome is not None
    outcome = ctx.compiled.node(progress.outcome)
    assert isinstance(outcome, OutcomeNode)
    progress = shown(ctx.engine, progress)
    readiness = uc.is_readiness(ctx.engine, ctx.flow_id)
    # the flow's title is the page's one h1, in the first block (one element less per rerun)
    key = rh.result_key(ctx, progress)
    head = rh.cached(ctx, key, "head", lambda: _title_html(ctx) + _outcome_html(ctx, outcome))
    if readiness:
        _block(head)
        _readiness_top(ctx, progress)
        _body(ctx, progress, key, "")
    else:
        _body(ctx, progress, key, head)
        st.page_link(links.target(links.ADVIES), label=_("Bewaar of print uw advies"))
    incident_hooks.result_link(ctx.flow_id, progress.answers)
    _actions()


def shown(engine: Engine, progress: Progress) -> Progress:
    """The progress a result shows (and its exports hold): on the netwerk flow, and only
    there, the person's netwerklijst judges a step."""
    if progress.flow_id == uc.NETWERK_FLOW:
        return uc.result(engine, progress, persistence.netwerklijst())
    return progress


def _title_html(ctx: Ctx) -> str:
    """The page's h1: the flow's title (fixed text of the content, escaped)."""
    return f"<h1>{html_text.esc(ctx.compiled.flow.title.get(ctx.lang))}</h1>"


def _outcome_html(ctx: Ctx, outcome: OutcomeNode) -> str:
    title = html_text.content(ctx.engine, outcome.title, ctx.lang, ctx.local)
    text = html_text.content(ctx.engine, outcome.text, ctx.lang, ctx.local)
    return f"<h2>{html_text.text_inline(title)}</h2>" + html_text.text_blocks(text)


def _readiness_top(ctx: Ctx, progress: Progress) -> None:
    """What a readiness result starts with: whose answers, the summary, the exports, the chart."""
    if ctx.flow_id == register.ORG_FLOW:
        editor = session.griffie_editor(time.time())
        st.caption(_(
            "Uw antwoorden staan ook in het overzicht van de griffie, bewaard onder uw naam."
        ) if editor else _(
            "Deze antwoorden zijn alleen van u. Ze komen in het overzicht van de griffie als u "
            "zich eerst op de griffiepagina aanmeldt met een account van de griffie."))
    summary.render(ctx, progress)
    heading(_("Bewaar of print uw advies"), 3)
    downloads.render(ctx, progress)
    summary.chart(ctx, progress)


def _body(ctx: Ctx, progress: Progress, key: tuple[Any, ...], head: str) -> None:
    """The layers, the checklist and the netwerklijst box (on the results that have one) as
    one block, the box's link under it. Why the box below the checklist and not between:
    two blocks around it cost a rerun one more large element (issue 15); the box leads on
    to the list itself."""
    folded = not uc.is_readiness(ctx.engine, ctx.flow_id)
    layers = rh.cached(ctx, key, "layers", lambda: rh.layers_html(ctx, progress))
    steps = rh.cached(ctx, key, "checklist",
                      lambda: rh.checklist_html(ctx, progress.checklist, folded))
    note = rh.cached(ctx, key, "local", lambda: _local_note(ctx))
    _block(head + layers + note + steps + netwerk_hooks.box_html(ctx.flow_id))
    netwerk_hooks.result_link(ctx.flow_id)


def _local_note(ctx: Ctx) -> str:
    """Whose arrangements fill in the advice, and where to choose another municipality: the
    choice is on the start page (views/municipality.py), not beside the result. Nothing when
    the advice has the national texts."""
    if ctx.local is None:
        return ""
    whose = (_("Dit advies gebruikt de afspraken die de griffie heeft ingevuld.")
             if local.is_unnamed_profile(ctx.local)
             else _("Dit advies gebruikt de afspraken van {name}.",
                    name=ctx.local.municipality))
    elsewhere = _("Een andere gemeente kiest u op de startpagina.")
    return f'<p class="vb-small">{html_text.esc(whose)} {html_text.esc(elsewhere)}</p>'


class _Markup:
    """Finished markup for `st.html`: given as `_repr_html_`, Streamlit takes it as it is.

    Why: a plain string first goes through `textwrap.dedent` (two regular expressions over
    the whole block, ~20 KB at the incident result) on every rerun; this markup has no
    indentation to remove (bench/profile_result.py, issue 15). `st.html` still sanitises it."""

    __slots__ = ("body",)

    def __init__(self, body: str) -> None:
        self.body = body

    def _repr_html_(self) -> str:
        return self.body


def _block(body: str) -> None:
    """One `st.html` of fixed markup around escaped text (views/html_text.py); the styles
    are in the app's own stylesheet (assets/vbestuur.css)."""
    if body:
        st.html(_Markup(f'<div class="vb-result">{body}</div>'))


def _actions() -> None:
    """What a person can do next, under each other (on a phone they stack anyway; a row
    would cost one more element on every rerun, issue 15). "Opnieuw beginnen" wipes the
    answers, so it sits on the review screen behind this button, not one click from the
    advice."""
    st.button(_("Antwoorden bekijken of wijzigen"), key="result:review", on_click=state.show,
              args=("review",))
    st.page_link(links.target(links.START), label=_("Andere vraag kiezen"))
