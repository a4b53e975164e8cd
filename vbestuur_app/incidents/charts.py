"""The register's figures as plotly bars (plain functions, so tests inspect the traces).

Why a suppressed cell is left out of the bar and named below it: a bar of a made-up height
would be a number the service refused to give. The text under the chart says which values
have fewer than k incidents.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go  # type: ignore[import-untyped]

from ..charts import BAR_COLOUR


def bars(counts: dict[str, int | None], label: Callable[[str], str],
         axis: str) -> go.Figure:
    """Horizontal bars of the shown (not suppressed) cells, in the service's order."""
    shown = [(label(key), n) for key, n in counts.items() if n is not None]
    names = [name for name, _n in shown]
    values = [n for _name, n in shown]
    figure = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=BAR_COLOUR,
                              text=[str(v) for v in values], textposition="outside",
                              cliponaxis=False, hoverinfo="skip"))
    figure.update_layout(xaxis={"title": axis, "rangemode": "tozero"},
                         yaxis={"autorange": "reversed", "automargin": True},
                         height=80 + 40 * max(1, len(names)),
                         margin={"l": 10, "r": 30, "t": 10, "b": 40}, showlegend=False)
    return figure


def suppressed(counts: dict[str, int | None], label: Callable[[str], str]) -> list[str]:
    return [label(key) for key, n in counts.items() if n is None]
