"""The result of a finished flow, in layers: "Doe nu", "Vandaag / deze week", "Goed om te weten".

Why in this order: a frightened person on a phone must see the first action (a call button)
without scrolling. So first at most three short actions, then the advice for today and this
week, then what is good to know, folded; the checklist of steps still open is folded too. The
notes shown on the way ("beantwoord de volgende vragen pas als…") belong to the interview and
are left out. For the readiness flows the summary (score per phase, the three steps to do
first) and the exports come first, because "how far am I" is the question they answer.

Why so few elements: each Streamlit element costs every rerun ~0.2 ms of server CPU, so the
layers and the checklist are fixed HTML around escaped text in one or two `st.html` blocks,
built once per result (views/result_html.py), with native folds; the exports sit in a lazy
fold that draws its buttons only when opened, and each file is built only on its click.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_engine.schema import OutcomeNode
from vbestuur_service import conversation as uc
from vbestuur_service import register
from vbestuur_service.i18n import N_

from .. import links, persistence, session, state
from ..i18n import _
from ..incidents import hooks as incident_hooks
from ..netwerk import hooks as netwerk_hooks
from ..widgets import heading, reminder_dates
from . import Ctx, html_text, summary
from . import result_html as rh

EXPORTS = (("pdf", "pdf", "application/pdf"), ("md", "md", "text/markdown"),
           ("csv", "csv", "text/csv"), ("csv_nl", "excel-nl.csv", "text/csv"))
EXPORT_LABELS = {"pdf": N_("PDF (om te printen)"), "md": N_("Tekst (Markdown)"),
                 "csv": N_("CSV (standaard)"), "csv_nl": N_("CSV voor Excel (Nederlands)")}


def render(ctx: Ctx, progress: Progress) -> None:
    """Draw the result of a complete flow: the outcome, the layers and the checklist as a few
    cached `st.html` blocks (views/result_html.py), the exports on demand."""
    assert progress.outcome is not None
    outcome = ctx.compiled.node(progress.outcome)
    assert isinstance(outcome, OutcomeNode)
    if progress.flow_id == uc.NETWERK_FLOW:  # only there does the netwerklijst judge a step
        progress = uc.result(ctx.engine, progress, persistence.netwerklijst())
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
        _export_fold(ctx, progress)
    incident_hooks.result_link(ctx.flow_id, progress.answers)
    _actions(ctx)


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
    _downloads(ctx, progress, folded=False)
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
    _block(head + layers + steps + netwerk_hooks.box_html(ctx.flow_id))
    netwerk_hooks.result_link(ctx.flow_id)


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


@st.fragment
def _export_fold(ctx: Ctx, progress: Progress) -> None:
    """"Bewaar of print uw advies": a lazy fold, closed as a person arrives (one element);
    its exports are drawn only when it is open.

    A fragment: opening or closing it is the click a person makes most on this page, and it
    changes nothing else, so it reruns this part and not the page (issue 15)."""
    box = st.expander(_("Bewaar of print uw advies"), key="downloads-folded", on_change="rerun")
    if box.open:
        with box:
            _downloads(ctx, progress, folded=True)


def _downloads(ctx: Ctx, progress: Progress, folded: bool) -> None:
    """Four exports, each made on this machine only when its button is clicked (`data` is a
    callable, so no rerun builds a file nobody asked for). `folded`: already inside an
    expander, so the calendar dates are not folded once more (Streamlit forbids it)."""
    st.caption(_("Het bestand wordt op deze computer gemaakt."))
    base = f"veilig-bestuur-{ctx.flow_id}-{ctx.lang}"
    with st.container(horizontal=True, key="downloads"):
        for kind, ext, mime in EXPORTS:
            _download(_(EXPORT_LABELS[kind]), _maker(ctx, progress, kind), f"{base}.{ext}", mime,
                      f"dl:{kind}")
    if folded:
        ics_text = _("Herinneringen (agenda)")
        st.markdown(f"**{ics_text}**")
        _ics(ctx, progress, base)
        return
    box = st.expander(_("Herinneringen (agenda)"), key="ics-folded", on_change="rerun")
    if box.open:  # drawn only when open
        with box:
            _ics(ctx, progress, base)


def _download(label: str, data: Callable[[], str | bytes], name: str, mime: str,
              key: str) -> None:
    st.download_button(label, data=data, file_name=name, mime=mime, key=key, width="content",
                       on_click="ignore")


def _maker(ctx: Ctx, progress: Progress, kind: str) -> Callable[[], str | bytes]:
    """A deferred builder: the export modules (pandas, fpdf) load only when asked for."""

    def make() -> str | bytes:
        # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
        # only a download pays for it, never the first question
        from .. import exports

        builders: dict[str, Callable[..., str | bytes]] = {
            "pdf": exports.build_pdf, "md": exports.build_markdown, "csv": exports.build_csv,
            "csv_nl": exports.build_csv_excel_nl}
        return builders[kind](ctx.engine, progress, ctx.lang, ctx.local)

    return make


@st.fragment
def _ics(ctx: Ctx, progress: Progress, base: str) -> None:
    """Calendar reminders for the yearly evaluation (step 20) and a new term (step 21).

    A fragment: the two dates are the only widgets on the result page that rerun it, and a
    new date changes only this download; so a date reruns this part, not the whole page."""
    evaluation, new_term = reminder_dates("ics", _("Datum jaarlijkse evaluatie (stap 20)"), _(
        "Start nieuwe bestuursperiode (stap 21, mag leeg)"))

    def make() -> bytes:
        # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
        # only a download pays for it, never the first question
        from .. import exports

        return exports.build_ics(progress, ctx.lang, evaluation, new_term)

    _download(_("Herinneringen (agenda)"), make, f"{base}.ics", "text/calendar", "dl:ics")


def _actions(ctx: Ctx) -> None:
    with st.container(horizontal=True, key="result-actions"):
        st.button(_("Antwoorden bekijken of wijzigen"), key="result:review", on_click=state.show,
                  args=("review",))
        st.button(_("Opnieuw beginnen"), key="result:restart", on_click=state.restart,
                  args=(ctx.flow_id,))
        st.page_link(links.target(links.START), label=_("Andere vraag kiezen"))
