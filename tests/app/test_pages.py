"""The about page, the flow map and the plotly figures (built by plain functions)."""

from __future__ import annotations

import pytest
from app_helpers import TIMEOUT, seed
from streamlit.testing.v1 import AppTest

from vbestuur_app.charts import flow_figure, layered_positions, readiness_figure
from vbestuur_app.loading import content_version
from vbestuur_engine import Engine, readiness_by_phase
from vbestuur_engine.content import PROJECT_ROOT


def about_script() -> None:
    from vbestuur_app.views import about

    about.render()


def map_script() -> None:
    from vbestuur_app.views import flowmap

    flowmap.render()


def test_about_page_lists_facts_and_version(engine: Engine) -> None:
    at = AppTest.from_function(about_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    for fact in engine.content.facts.values():
        assert fact.checked in text
    version, files = content_version(PROJECT_ROOT)
    assert version in text and str(files) in text
    assert "NGB" in text and "BZK" in text


def test_content_version_changes_with_content(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.yaml").write_text("a: 1\n")
    first = content_version(tmp_path)
    (tmp_path / "rules" / "a.yaml").write_text("a: 2\n")
    assert content_version(tmp_path) != first
    assert first[1] == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_flow_map_shows_mermaid_and_graph(engine: Engine, lang: str) -> None:
    at = AppTest.from_function(map_script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    at.run()
    assert not at.exception
    assert at.code[0].value.startswith("flowchart TD")
    assert len(at.get("plotly_chart")) == 1
    other = sorted(engine.compiled)[-1]
    at.selectbox(key="map:flow").set_value(other).run()
    assert not at.exception


def test_readiness_figure_has_one_bar_per_phase(engine: Engine) -> None:
    compiled = next(c for c in engine.compiled.values() if c.flow.door == "gereedheid")
    progress = engine.walk(compiled.id, {})
    readiness = readiness_by_phase(progress.checklist)
    figure = readiness_figure(readiness, "nl")
    bar = figure.data[0]
    assert bar.type == "bar"
    assert list(bar.x) == [round(r.score * 100) for r in readiness]
    assert len(bar.y) == len(readiness)
    assert figure.layout.xaxis.range == (0, 100)


def test_flow_figure_draws_every_node(engine: Engine) -> None:
    for compiled in engine.compiled.values():
        figure = flow_figure(compiled, "en")
        drawn = sum(len(trace.x) for trace in figure.data[1:])
        assert drawn == compiled.graph.number_of_nodes()
        positions = layered_positions(compiled.graph)
        start_y = positions[compiled.flow.start][1]
        assert start_y == max(y for _x, y in positions.values())
