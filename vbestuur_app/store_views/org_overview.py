"""The organisation view at a glance: a chart per phase, what is overdue, the downloads.

Why a chart per phase: the guideline is ordered vooraf / tijdens / erna, and a griffie plans
that way — "is everything before an incident arranged?" is the first question. Why overdue
first in the list: a date that has passed is the one thing that needs action today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go  # type: ignore[import-untyped]
import streamlit as st

from vbestuur_engine.readiness import PHASES
from vbestuur_engine.schema import Step
from vbestuur_service.i18n.words import ORG_STATUS, PHASE_NAMES
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today
from vbestuur_store import STATUSES, OrgItem

from ..i18n import _
from ..widgets import heading, plain

STATUS_COLOURS = {"open": "#b91c1c", "deels": "#d97706", "geregeld": "#2e7d32",
                  "nvt": "#9ca3af"}
DONE = ("geregeld", "nvt")


def org_figure(steps: Sequence[Step], items: Mapping[int, OrgItem], lang: str) -> go.Figure:
    """Stacked horizontal bars: per phase, how many organisation steps have each status."""
    phases = [p for p in PHASES if any(s.phase == p for s in steps)]
    labels = [_(PHASE_NAMES[p], lang) for p in phases]
    figure = go.Figure()
    for status in STATUSES:
        counts = [sum(1 for s in steps if s.phase == phase and items[s.id].status == status)
                  for phase in phases]
        figure.add_trace(go.Bar(x=counts, y=labels, orientation="h", name=_(
            ORG_STATUS[status], lang),
                                marker_color=STATUS_COLOURS[status]))
    figure.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                         xaxis={"title": _("aantal stappen", lang), "dtick": 1},
                         height=140 + 60 * len(phases), legend={"orientation": "h", "x": 0,
                                                                "y": 1.02, "yanchor": "bottom",
                                                                "traceorder": "normal"},
                         margin={"l": 10, "r": 10, "t": 40, "b": 40})
    return figure


def overdue(steps: Sequence[Step], items: Mapping[int, OrgItem],
            today: dt.date) -> list[tuple[Step, OrgItem]]:
    """Steps with a due date before today that are not yet arranged, the oldest date first."""
    late = [(s, items[s.id]) for s in steps
            if items[s.id].due is not None and items[s.id].status not in DONE]
    return sorted(((s, i) for s, i in late if i.due is not None and i.due < today),
                  key=lambda pair: (pair[1].due, pair[0].id))


def render(steps: Sequence[Step], items: Mapping[int, OrgItem], lang: str) -> None:
    """The chart and the overdue list."""
    heading(_("Stand per fase"), 3)
    st.plotly_chart(org_figure(steps, items, lang), key="chart:org",
                    config={"displayModeBar": False})
    late = overdue(steps, items, local_today())
    heading(_("Over de datum ({count})", count=len(late)), 3)
    if not late:
        st.caption(_("Niets is over de datum."))
    lines = [_(
        "Stap {step}: {title}. Klaar op {due}, eigenaar: {owner}", step=s.id,
        title=plain(s.title.get(lang)), due=format_day(i.due, lang) if i.due else "",
        owner=plain(i.owner or _("nog niemand")))
             for s, i in late]
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))


def downloads(steps: Mapping[int, Step], org_steps: Sequence[Step],
              items: Mapping[int, OrgItem], lang: str, municipality: str | None) -> None:
    """PDF and CSV of the whole view, and the two dated reminders as a calendar file."""
    # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
    # only a download pays for it, never the first question
    from ..exports import organisation as org_export

    heading(_("Downloaden en herinneringen"), 3)
    chosen = [items[s.id] for s in org_steps]
    base = f"veilig-bestuur-organisatie-{lang}"
    left, right, excel = st.columns(3)
    with left:
        st.download_button(_("PDF (om te printen)"), key="org:pdf", file_name=f"{base}.pdf",
                           mime="application/pdf", on_click="ignore", width="stretch",
                           data=lambda: org_export.build_org_pdf(org_steps, chosen, lang,
                                                                 municipality))
    with right:
        st.download_button(_("CSV (standaard)"), key="org:csv", file_name=f"{base}.csv",
                           mime="text/csv", on_click="ignore", width="stretch",
                           data=lambda: org_export.build_org_csv(org_steps, chosen, lang))
    with excel:
        st.download_button(_("CSV voor Excel (Nederlands)"), key="org:csv_nl", mime="text/csv",
                           file_name=f"{base}.excel-nl.csv", on_click="ignore", width="stretch",
                           data=lambda: org_export.build_org_csv(org_steps, chosen, lang,
                                                                 "excel-nl"))
    _ics(steps, items, lang, base)


def _ics(steps: Mapping[int, Step], items: Mapping[int, OrgItem], lang: str, base: str) -> None:
    # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
    # only a download pays for it, never the first question
    from ..exports import organisation as org_export

    with st.expander(_("Herinneringen (agenda)")):
        today = dt.date.today()
        evaluation_item = items.get(org_export.EVALUATION_STEP)
        default = (evaluation_item.due if evaluation_item and evaluation_item.due
                   else today + dt.timedelta(days=365))
        evaluation = st.date_input(_(
            "Datum jaarlijkse evaluatie (stap 20)"), value=default, key="org:ics_eval",
                                   format="DD-MM-YYYY")
        new_term = st.date_input(_(
            "Start nieuwe bestuursperiode (stap 21, mag leeg)"), value=None, key="org:ics_term",
                                 format="DD-MM-YYYY")

        def make() -> bytes:
            chosen = evaluation if isinstance(evaluation, dt.date) else default
            term = new_term if isinstance(new_term, dt.date) else None
            return org_export.build_org_ics(steps, list(items.values()), lang, chosen, term)

        st.download_button(_("Herinneringen (agenda)"), data=make, file_name=f"{base}.ics",
                           mime="text/calendar", key="org:ics", on_click="ignore")
