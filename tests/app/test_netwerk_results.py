"""AppTest for the netwerklijst in other flows' results: the link, and step 6 in gereedheid.

Why through the real app: the link is a `st.page_link` to the page that `st.navigation`
registered, so only the whole app shows that it points somewhere that exists.
"""

from __future__ import annotations

from typing import Any

import pytest
from app_helpers import APP, TIMEOUT, complete_flow, keys_with_prefix, seed
from streamlit.testing.v1 import AppTest

from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw


def finished(engine: Engine, flow_id: str, session: dict[str, Any] | None = None) -> AppTest:
    """The real app, one flow answered to its end (first options) through its door."""
    from vbestuur_app.views.home import door_key

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    seed(at, **(session or {}))
    at.run()
    door = engine.flow(flow_id).flow.door
    at.button(key=door_key(door, flow_id if door == "vraag" else None)).click().run()
    complete_flow(at, engine, flow_id)
    assert not at.exception
    return at


def has_link(at: AppTest) -> bool:
    return "" in keys_with_prefix(at, "nw-link")


@pytest.mark.parametrize("flow_id", ["wie-bellen", "incident"])
def test_results_link_to_the_list(engine: Engine, flow_id: str) -> None:
    at = finished(engine, flow_id)
    assert has_link(at)
    links = at.get("page_link")
    assert any("netwerklijst" in link.proto.page for link in links)


def test_other_results_have_no_link(engine: Engine) -> None:
    assert not has_link(finished(engine, "melden"))


def test_gereedheid_step_6_follows_the_list(engine: Engine) -> None:
    """First options answer "ja, I have a list": partly done without a list, done with one."""
    without = finished(engine, "gereedheid")
    assert has_link(without)
    assert "6" in keys_with_prefix(without, "step-")
    network = nw.initial_list(engine.content, None, "nl")
    police = next(i for i, r in enumerate(network.rows) if r.ref == nw.POLICE_TERM)
    network = nw.replace_row(network, police, network.rows[police].model_copy(
        update={"phone": "06-11111111"}))
    network = nw.replace_row(network, None, nw.NetworkRow(
        kind="vertrouwenspersoon", name="Zoë", phone="06-22222222"))
    session = {"netwerklijst": (None, network.model_dump(mode="json"))}
    with_list = finished(engine, "gereedheid", session)
    assert "6" not in keys_with_prefix(with_list, "step-")
