"""Figures for step 20's yearly evaluation: per month, form, channel and role, and a summary
export where every cell below k is suppressed (the service suppresses; this view only shows).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.incidents import Figures, IncidentRegister, RegisterUnavailable
from vbestuur_service.localtime import today as local_today
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import StoreError

from ..i18n import _, current_lang
from ..widgets import heading, plain
from . import charts, export_rows
from . import words as w
from .form import content_labels

K_KEY = "inc-k"


def render(engine: Engine, register: IncidentRegister, who: StaffIdentity) -> None:
    k = int(st.number_input(_("Toon een aantal pas vanaf"), min_value=3, max_value=50, value=5,
                            step=1, key=K_KEY, help=_(
                                "Een klein aantal kan naar één persoon wijzen. Het minimum "
                                "is 3.")))
    try:
        figures = register.figures(who, k=k)
    except (StoreError, RegisterUnavailable):
        st.error(_("De cijfers kunnen nu niet worden gelezen. Probeer het later opnieuw."))
        return
    total = figures.total
    st.markdown(_("Incidenten in het register: {total}.", total=total) if total is not None
                else _("Minder dan {k} incidenten in het register: nog geen cijfers.", k=k))
    parts: list[tuple[str, dict[str, int | None], Callable[[str], str]]] = [
        (_("Per maand"), figures.by_month, str),
        (_("Per vorm"), figures.by_form, content_labels(engine, "wat")),
        (_("Per kanaal"), figures.by_channel, lambda c: _(w.CHANNELS.get(c, c))),
        (_("Per rol"), figures.by_role, content_labels(engine, "rol"))]
    for index, (title, counts, label) in enumerate(parts):
        _part(title, counts, label, figures.k, index)
    _summary_export(engine, figures)


def _part(title: str, counts: dict[str, int | None], label: Callable[[str], str], k: int,
          index: int) -> None:
    heading(title, 2)
    if any(n is not None for n in counts.values()):
        st.plotly_chart(charts.bars(counts, label, _("Aantal incidenten")),
                        key=f"inc-chart-{index}", config={"displayModeBar": False})
    hidden = charts.suppressed(counts, label)
    if hidden:
        st.caption(_("Minder dan {k}, daarom niet getoond: {values}", k=k,
                     values=plain(", ".join(hidden))))


def _summary_export(engine: Engine, figures: Figures) -> None:
    lang = current_lang()

    def make() -> str:
        from ..exports.incidents import table_csv  # deferred: pandas loads on a click

        header, rows = export_rows.figures_table(engine, figures, lang)
        return table_csv(header, rows, "excel-nl")

    st.download_button(_("Samenvatting (CSV voor Excel)"), data=make,
                       file_name=f"incidenten-cijfers-{local_today().isoformat()}.excel-nl.csv",
                       mime="text/csv", key="inc-dl-figures", on_click="ignore")
