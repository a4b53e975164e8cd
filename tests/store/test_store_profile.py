"""The municipality profile: the griffie's values for the open terms, with who/when."""

from __future__ import annotations

import pytest
from store_helpers import FakeClock

from vbestuur_store import InvalidValue, Store


def test_empty_profile(store: Store) -> None:
    assert store.get_profile() == {}
    assert store.profile_history() == []


def test_set_and_update_with_who_and_when(store: Store, clock: FakeClock) -> None:
    store.set_profile_value("geweldsprotocol", "Op intranet, map Veiligheid",
                            "On the intranet, folder Security", "griffier A. de Vries")
    set_at = clock.now
    clock.advance(days=40)
    store.set_profile_value("politiecontact", "Wijkagent J. Jansen", "Officer J. Jansen",
                            "griffier A. de Vries")
    store.set_profile_value("geweldsprotocol", "Gemeenteblad 2026/12",
                            "On the intranet, folder Security", "plv. griffier B. Bakker")
    profile = store.get_profile()
    assert set(profile) == {"geweldsprotocol", "politiecontact"}
    value = profile["geweldsprotocol"]
    assert value.text() == {"nl": "Gemeenteblad 2026/12", "en": "On the intranet, folder Security"}
    assert value.updated_by == "plv. griffier B. Bakker" and value.updated_at == clock.now
    history = store.profile_history("geweldsprotocol")
    assert [(c.field, c.old, c.new, c.actor) for c in history] == [
        ("nl", None, "Op intranet, map Veiligheid", "griffier A. de Vries"),
        ("en", None, "On the intranet, folder Security", "griffier A. de Vries"),
        ("nl", "Op intranet, map Veiligheid", "Gemeenteblad 2026/12", "plv. griffier B. Bakker"),
    ]
    assert history[0].at == set_at
    assert len(store.profile_history()) == 5


def test_clear_goes_back_to_the_default(store: Store) -> None:
    store.set_profile_value("begroting-beveiliging", "Ja, post 4.2", "Yes, item 4.2", "griffie")
    store.clear_profile_value("begroting-beveiliging", "griffie")
    store.clear_profile_value("begroting-beveiliging", "griffie")  # no-op, no audit row
    assert store.get_profile() == {}
    assert [(c.field, c.new) for c in store.profile_history("begroting-beveiliging")][-2:] == [
        ("nl", None), ("en", None)]
    assert len(store.profile_history()) == 4


def test_the_app_can_build_local_values(store: Store) -> None:
    from vbestuur_engine.schema import LocalValues, Text

    store.set_profile_value("politiecontact", "Bel 0900-8844", "Call 0900-8844", "griffie")
    local = LocalValues(municipality="Voorbeeld",
                        values={k: Text(**v.text()) for k, v in store.get_profile().items()})
    assert local.values["politiecontact"].get("en") == "Call 0900-8844"


@pytest.mark.parametrize(("term", "nl", "en", "actor"), [
    ("Geweldsprotocol", "a", "b", "g"), ("", "a", "b", "g"), ("x" * 65, "a", "b", "g"),
    ("politiecontact", "", "b", "g"), ("politiecontact", "a", "  ", "g"),
    ("politiecontact", "a", "b", ""), ("politiecontact", "a" * 4001, "b", "g"),
])
def test_invalid_profile_values(store: Store, term: str, nl: str, en: str, actor: str) -> None:
    with pytest.raises(InvalidValue):
        store.set_profile_value(term, nl, en, actor)
    assert store.get_profile() == {} and store.profile_history() == []
