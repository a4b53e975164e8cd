"""Plotly figures of the room's answers, built by plain functions so tests can inspect them.

Why large fonts and fixed colours: the figures are read from the back of a council chamber
on a projector; the four answers keep their colour from step to step, so the room learns them
once. The functions take a `Tally` whose counts are already k-protected by the store; a tally
without counts gets no figure at all.
"""

from __future__ import annotations

import plotly.graph_objects as go  # type: ignore[import-untyped]

from vbestuur_service.i18n.words import WS_FORMS, WS_OPTIONS
from vbestuur_store import Tally

from ..i18n import _

COLOURS = {"ja": "#2e7d32", "deels": "#f9a825", "nee": "#c62828", "weet-niet": "#6b7280"}
BEHAVIOUR_COLOUR = "#1f4e79"
FONT_SIZE = 22


def _bars(labels: list[str], values: list[int], colours: list[str], lang: str) -> go.Figure:
    figure = go.Figure(go.Bar(x=values, y=labels, orientation="h", marker_color=colours,
                              text=[str(v) for v in values], textposition="auto",
                              textfont={"size": FONT_SIZE},
                              hoverinfo="skip"))
    big = {"size": FONT_SIZE}  # explicit per axis: Streamlit's chart theme sets small ticks
    figure.update_layout(font=big, height=90 + 70 * len(labels),
                         xaxis={"title": {"text": _("aantal antwoorden", lang), "font": big},
                                "tickfont": big, "rangemode": "tozero",
                                "dtick": 1 if max(values, default=0) <= 10 else None},
                         yaxis={"autorange": "reversed", "tickfont": big}, showlegend=False,
                         margin={"l": 10, "r": 10, "t": 10, "b": 40})
    return figure


def geregeld_figure(tally: Tally, lang: str) -> go.Figure | None:
    """Bars per answer to "Is dit bij ons geregeld?"; None below the threshold."""
    if tally.counts is None:
        return None
    counts = tally.counts  # in the content's order of the answers
    return _bars([_(WS_OPTIONS[v], lang) for v in counts], list(counts.values()),
                 [COLOURS[v] for v in counts], lang)


def gedrag_figure(tally: Tally, lang: str) -> go.Figure | None:
    """Bars per form of behaviour (and "none of these"); None below the threshold."""
    if tally.counts is None:
        return None
    counts = tally.counts  # the forms in the content's order, "none of these" last
    return _bars([_(WS_FORMS[o], lang) for o in counts], list(counts.values()),
                 [BEHAVIOUR_COLOUR] * (len(counts) - 1) + [COLOURS["weet-niet"]], lang)
