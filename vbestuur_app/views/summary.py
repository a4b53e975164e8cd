"""The top of a readiness result: the score per phase, the three steps to do first, the chart.

Why first: "how far am I, and what do I do next" is the question `gereedheid` and
`organisatie` answer; the review found it 15 screens of cards later. The numbers come from
`readiness_summary`, the same rule the exports and the kept checks use. Incident steps (13-19)
are counted as "weet wat te doen / heeft het klaar", not as "gedaan".
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_engine.readiness import PhaseReadiness, readiness_summary
from vbestuur_engine.schema import Owner
from vbestuur_service.i18n import N_
from vbestuur_service.i18n.words import PHASE_NAMES

from ..charts import readiness_figure
from ..i18n import _
from ..store_views.readiness import render_progress
from ..widgets import heading, plain
from . import Ctx

# The person's own steps come first in `gereedheid`; the organisation's flow has no one actor.
ACTORS: dict[str, Owner] = {"gereedheid": "persoon"}
SUMMARY_KEYS = {"arranged": N_(
    "{phase}: {percent}% geregeld ({done} geregeld, {partial} deels, {open} nog niet)"
), "prepared": N_(
    "{phase}: {percent}% klaar. U weet wat u moet doen en hebt het klaar ({done} ja, {partial} "
    "deels, {open} nog niet)"),
                "mixed": N_(
                    "{phase}: {percent}% geregeld of klaar ({done} ja, {partial} deels, {open} "
                    "nog niet)")}


def phase_line(row: PhaseReadiness, lang: str | None = None) -> str:
    """"Tijdens een incident: 40% klaar. U weet wat u moet doen …" in the phase's measure."""
    return _(
        SUMMARY_KEYS[row.measure], lang, phase=_(PHASE_NAMES[row.phase], lang),
        percent=round(row.score * 100), done=row.done, partial=row.partial, open=row.open)


def render(ctx: Ctx, progress: Progress) -> None:
    """The summary block and the chart (nothing when no phase applies)."""
    summary = readiness_summary(progress.checklist, ACTORS.get(ctx.flow_id))
    rows = list(summary.phases)
    if not rows:
        return
    with st.container(key="readiness-summary"):
        heading(_("Samenvatting"), 3)
        st.markdown("\n".join(f"- {plain(phase_line(row))}" for row in rows))
        first_text = _("Doe dit eerst")
        st.markdown(f"**{first_text}**")
        if not summary.top_open:
            st.markdown(_("Alle stappen zijn geregeld of gelden niet voor u."))
        firsts = [_("Stap {number}: {title}", number=i.step.id, title=i.step.title.get(ctx.lang))
                  for i in summary.top_open]
        st.markdown("\n".join(f"{n}. {plain(text)}" for n, text in enumerate(firsts, 1)))
    render_progress(ctx.flow_id, rows)


def chart(ctx: Ctx, progress: Progress) -> None:
    """The bar chart per phase (a phase at 0% shows its "0%")."""
    rows = list(readiness_summary(progress.checklist).phases)
    if not rows:
        return
    heading(_("Hoe ver bent u per fase?"), 3)
    st.plotly_chart(readiness_figure(rows, ctx.lang), key="chart:readiness",
                    config={"displayModeBar": False, "staticPlot": False})
