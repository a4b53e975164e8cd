"""The result of a finished flow, in layers: "Doe nu", "Vandaag / deze week", "Goed om te weten".

Why in this order: a frightened person on a phone must see the first action (a call button)
without scrolling. So first at most three short actions, then the advice for today and this
week, then what is good to know, folded; the checklist of steps still open is folded too. The
notes shown on the way ("beantwoord de volgende vragen pas als…") belong to the interview and
are left out. For the readiness flows the summary (score per phase, the three steps to do
first) and the exports come first, because "how far am I" is the question they answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from vbestuur_engine import ChecklistItem, Progress
from vbestuur_engine.readiness import PHASES
from vbestuur_engine.schema import OutcomeNode
from vbestuur_service import conversation as uc
from vbestuur_service import register
from vbestuur_service.i18n import N_
from vbestuur_service.i18n.words import CHECKLIST_STATUS, PHASE_NAMES

from .. import links, persistence, session, state
from ..i18n import _
from ..netwerk import hooks as netwerk_hooks
from ..widgets import actions_list, content_text, heading, plain, reminder_dates
from . import Ctx, summary
from .advice import advice_card, now_item

EXPORTS = (("pdf", "pdf", "application/pdf"), ("md", "md", "text/markdown"),
           ("csv", "csv", "text/csv"), ("csv_nl", "excel-nl.csv", "text/csv"))
EXPORT_LABELS = {"pdf": N_("PDF (om te printen)"), "md": N_("Tekst (Markdown)"),
                 "csv": N_("CSV (standaard)"), "csv_nl": N_("CSV voor Excel (Nederlands)")}


def render(ctx: Ctx, progress: Progress) -> None:
    """Draw the result of a complete flow."""
    assert progress.outcome is not None
    outcome = ctx.compiled.node(progress.outcome)
    assert isinstance(outcome, OutcomeNode)
    progress = uc.result(ctx.engine, progress, persistence.netwerklijst())
    readiness = uc.is_readiness(ctx.engine, ctx.flow_id)
    # the flow's title is the page's h1 (views/conversation.py), drawn once
    heading(content_text(ctx.engine, outcome.title, ctx.lang, ctx.local), 2)
    if outcome.text is not None:
        st.markdown(content_text(ctx.engine, outcome.text, ctx.lang, ctx.local))
    if ctx.flow_id == register.ORG_FLOW:
        editor = session.griffie_editor(time.time())
        st.caption(_(
            "Uw antwoorden staan ook in het overzicht van de griffie, bewaard onder uw naam."
        ) if editor else _(
            "Deze antwoorden zijn alleen van u. Ze komen in het overzicht van de griffie als u "
            "zich eerst op de griffiepagina aanmeldt met een account van de griffie."))
    if readiness:
        summary.render(ctx, progress)
        heading(_("Bewaar of print uw advies"), 3)
        _downloads(ctx, progress, folded=False)
        summary.chart(ctx, progress)
    layers(ctx, progress)
    netwerk_hooks.result_link(ctx.flow_id)
    checklist(ctx, progress.checklist, folded=not readiness)
    if not readiness:
        with st.expander(_("Bewaar of print uw advies"), key="downloads-folded"):
            _downloads(ctx, progress, folded=True)
    _actions(ctx)


def layers(ctx: Ctx, progress: Progress) -> None:
    """The advice in its three layers; "Goed om te weten" as one folded expander."""
    if not progress.advice:
        heading(_("Wat u kunt doen"), 3)
        st.markdown(_("Er is geen apart advies. Bekijk de checklist hieronder."))
        return
    result = ctx.engine.layers(progress)
    if result.now:
        with st.container(key="layer-now"):
            heading(_("Doe nu"), 3)
            for item in result.now:
                now_item(ctx, item)
    if result.today:
        with st.container(key="layer-today"):
            heading(_("Vandaag / deze week"), 3)
            for item in result.today:
                advice_card(ctx, item)
    if result.later:
        with st.expander(_(
            "Goed om te weten ({count})", count=len(result.later)), key="layer-later"):
            for item in result.later:
                advice_card(ctx, item, folded=True)


def checklist(ctx: Ctx, items: tuple[ChecklistItem, ...], folded: bool = False) -> None:
    """Open and partly done steps by phase, with actions; done and n.a. steps after them.
    `folded`: all of it in one expander (the incident and question results)."""
    still_open = [i for i in items if i.status in ("open", "partial")]
    if not folded:
        heading(_("Checklist: wat nog open staat"), 3)
        _checklist_body(ctx, items, still_open, inside_expander=False)
        return
    label = (_("Checklist: nog 1 stap open") if len(still_open) == 1
             else _("Checklist: nog {count} stappen open", count=len(still_open)))
    with st.expander(label, key="checklist"):
        _checklist_body(ctx, items, still_open, inside_expander=True)


def _checklist_body(ctx: Ctx, items: tuple[ChecklistItem, ...],
                    still_open: list[ChecklistItem], inside_expander: bool) -> None:
    if not still_open:
        st.markdown(_("Alle stappen zijn gedaan of gelden niet voor u."))
    for phase in PHASES:
        in_phase = [i for i in still_open if i.step.phase == phase]
        if not in_phase:
            continue
        st.markdown(f"**{_(PHASE_NAMES[phase])}**")
        for item in in_phase:
            with st.container(border=True, key=f"step-{item.step.id}"):
                title = _(
                    "Stap {number}: {title}", number=item.step.id,
                    title=item.step.title.get(ctx.lang))
                partial_text = _("deels gedaan")
                suffix = f" · *{partial_text}*" if item.status == "partial" else ""
                st.markdown(f"**{plain(title)}**{suffix}")
                st.markdown(actions_list(ctx.engine, item.step, ctx.lang, ctx.local))
    closed = [i for i in items if i.status in ("done", "na")]
    if not closed:
        return
    lines = "\n".join(_closed_line(ctx, i) for i in closed)
    if inside_expander:  # Streamlit allows no expander inside an expander
        closed_text = _("Gedaan of niet van toepassing ({count})", count=len(closed))
        st.markdown(f"**{closed_text}**  \n{lines}")
        return
    with st.expander(_("Gedaan of niet van toepassing ({count})", count=len(closed))):
        st.markdown(lines)


def _closed_line(ctx: Ctx, item: ChecklistItem) -> str:
    title = _("Stap {number}: {title}", number=item.step.id, title=item.step.title.get(ctx.lang))
    return f"- {plain(title)}: {_(CHECKLIST_STATUS[item.status])}"


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
    with st.expander(_("Herinneringen (agenda)")):
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


def _ics(ctx: Ctx, progress: Progress, base: str) -> None:
    """Calendar reminders for the yearly evaluation (step 20) and a new term (step 21)."""
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
