"""The result of a finished flow: advice by urgency, the checklist, a chart, the exports.

Why in this order: first what to do (most urgent first, as the engine orders it), then what is
still open in the guideline, grouped by phase with concrete actions. For the readiness flows
the chart comes first, because "how far am I" is the question they answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from vbestuur_engine import ChecklistItem, Progress, readiness_by_phase
from vbestuur_engine.readiness import PHASES
from vbestuur_engine.schema import InfoNode, OutcomeNode
from vbestuur_service import conversation as uc
from vbestuur_service import register

from .. import links, persistence, session, state
from ..charts import readiness_figure
from ..i18n import t
from ..netwerk import hooks as netwerk_hooks
from ..store_views.readiness import render_progress
from ..widgets import actions_list, content_text, heading, plain, reminder_dates
from . import Ctx
from .advice import advice_card

EXPORTS = (("pdf", "pdf", "application/pdf"), ("md", "md", "text/markdown"),
           ("csv", "csv", "text/csv"), ("csv_nl", "excel-nl.csv", "text/csv"))


def render(ctx: Ctx, progress: Progress) -> None:
    """Draw the result of a complete flow."""
    assert progress.outcome is not None
    outcome = ctx.compiled.node(progress.outcome)
    assert isinstance(outcome, OutcomeNode)
    progress = uc.result(ctx.engine, progress, persistence.netwerklijst())
    st.caption(plain(ctx.compiled.flow.title.get(ctx.lang)))
    heading(content_text(ctx.engine, outcome.title, ctx.lang, ctx.local), 2)
    if outcome.text is not None:
        st.markdown(content_text(ctx.engine, outcome.text, ctx.lang, ctx.local))
    for node_id in progress.path:
        node = ctx.compiled.node(node_id)
        if isinstance(node, InfoNode):
            st.info(content_text(ctx.engine, node.text, ctx.lang, ctx.local))
    if ctx.flow_id == register.ORG_FLOW:
        editor = session.griffie_editor(time.time())
        st.caption(t("org.flow.synced") if editor else t("org.flow.personal"))
    if uc.is_readiness(ctx.engine, ctx.flow_id):
        _readiness(ctx, progress)
    _advice(ctx, progress)
    netwerk_hooks.result_link(ctx.flow_id)
    checklist(ctx, progress.checklist)
    _downloads(ctx, progress)
    _actions(ctx)


def _readiness(ctx: Ctx, progress: Progress) -> None:
    readiness = readiness_by_phase(progress.checklist)  # `progress` is already the result's
    if not readiness:
        return
    heading(t("result.readiness"), 3)
    st.plotly_chart(readiness_figure(readiness, ctx.lang), key="chart:readiness",
                    config={"displayModeBar": False, "staticPlot": False})
    for row in readiness:
        st.caption(t("result.readiness_text", phase=t(f"phase.{row.phase}"),
                     percent=round(row.score * 100), done=row.done, partial=row.partial,
                     open=row.open))
    render_progress(ctx.flow_id, readiness)


def _advice(ctx: Ctx, progress: Progress) -> None:
    heading(t("result.advice"), 3)
    if not progress.advice:
        st.markdown(t("result.no_advice"))
    for hit in progress.advice:
        advice_card(ctx, hit)


def checklist(ctx: Ctx, items: tuple[ChecklistItem, ...]) -> None:
    """Open and partly done steps by phase, with actions; done and n.a. steps folded away."""
    heading(t("result.checklist"), 3)
    still_open = [i for i in items if i.status in ("open", "partial")]
    if not still_open:
        st.markdown(t("result.checklist_none"))
    for phase in PHASES:
        in_phase = [i for i in still_open if i.step.phase == phase]
        if not in_phase:
            continue
        st.markdown(f"**{t(f'phase.{phase}')}**")
        for item in in_phase:
            with st.container(border=True, key=f"step-{item.step.id}"):
                title = t("result.step", number=item.step.id, title=item.step.title.get(ctx.lang))
                suffix = f" · *{t('result.partial')}*" if item.status == "partial" else ""
                st.markdown(f"**{plain(title)}**{suffix}")
                st.markdown(actions_list(ctx.engine, item.step, ctx.lang, ctx.local))
    closed = [i for i in items if i.status in ("done", "na")]
    if closed:
        with st.expander(t("result.closed", count=len(closed))):
            st.markdown("\n".join(_closed_line(ctx, i) for i in closed))


def _closed_line(ctx: Ctx, item: ChecklistItem) -> str:
    title = t("result.step", number=item.step.id, title=item.step.title.get(ctx.lang))
    return f"- {plain(title)}: {t('result.' + item.status)}"


def _downloads(ctx: Ctx, progress: Progress) -> None:
    """Four exports, each made on this machine only when its button is clicked."""
    heading(t("result.downloads"), 3)
    st.caption(t("result.downloads_note"))
    base = f"veilig-bestuur-{ctx.flow_id}-{ctx.lang}"
    columns = st.columns(len(EXPORTS))
    for column, (kind, ext, mime) in zip(columns, EXPORTS, strict=True):
        with column:
            _download(t(f"result.{kind}"), _maker(ctx, progress, kind), f"{base}.{ext}", mime,
                      f"dl:{kind}")
    with st.expander(t("result.ics")):
        _ics(ctx, progress, base)


def _download(label: str, data: Callable[[], str | bytes], name: str, mime: str,
              key: str) -> None:
    st.download_button(label, data=data, file_name=name, mime=mime, key=key, width="stretch",
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
    evaluation, new_term = reminder_dates("ics", t("result.ics_eval"), t("result.ics_term"))

    def make() -> bytes:
        # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
        # only a download pays for it, never the first question
        from .. import exports

        return exports.build_ics(progress, ctx.lang, evaluation, new_term)

    _download(t("result.ics"), make, f"{base}.ics", "text/calendar", "dl:ics")


def _actions(ctx: Ctx) -> None:
    left, middle, right = st.columns(3)
    with left:
        st.button(t("result.review"), key="result:review", width="stretch",
                  on_click=state.show, args=("review",))
    with middle:
        st.button(t("result.restart"), key="result:restart", width="stretch",
                  on_click=state.restart, args=(ctx.flow_id,))
    with right:
        st.page_link(links.target(links.START), label=t("result.other"))
