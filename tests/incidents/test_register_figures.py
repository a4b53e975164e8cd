"""Figures for step 20 with k-suppression (issue 16): no cell from 1 to k-1 is shown, and no
suppressed cell can be worked out from the total."""

from __future__ import annotations

import datetime as dt

import pytest
from register_helpers import COORDINATOR, NOW, draft

from vbestuur_service.incidents import IncidentRegister
from vbestuur_service.incidents.figures import suppressed


def test_small_cells_are_suppressed_zero_is_shown() -> None:
    assert suppressed({"a": 7, "b": 4, "c": 0, "d": 5}, 5, additive=False) == {
        "a": 7, "b": None, "c": 0, "d": 5}


def test_one_suppressed_cell_of_a_sum_takes_a_second_with_it() -> None:
    # total 16 is shown: with only "b" hidden it would be 16 - 7 - 5 = 4
    assert suppressed({"a": 7, "b": 4, "c": 0, "d": 5}, 5, additive=True) == {
        "a": 7, "b": None, "c": 0, "d": None}
    assert suppressed({"a": 2, "b": 3, "c": 9}, 5, additive=True) == {
        "a": None, "b": None, "c": 9}


def _register_many(register: IncidentRegister) -> None:
    plan = [("online", "raadslid", ("uitschelden",), 0)] * 6 + \
        [("phone", "wethouder", ("bedreiging", "stalken"), 35)] * 5 + \
        [("home", "burgemeester", ("fysiek",), 70)] * 2
    for n, (channel, role, forms, days) in enumerate(plan):
        register.register(f"owner-{n}", draft(channel=channel, role=role, forms=forms,
                                              occurred_at=NOW - dt.timedelta(days=days + 1)))


def test_figures_of_the_register(register: IncidentRegister) -> None:
    _register_many(register)
    figures = register.figures(COORDINATOR, k=5)
    assert figures.total == 13 and figures.k == 5
    assert figures.by_channel == {"online": 6, "in_person": 0, "phone": None, "mail": 0,
                                  "home": None}
    assert figures.by_role == {"burgemeester": None, "wethouder": None, "raadslid": 6,
                               "onbekend": 0}
    assert figures.by_form == {"uitschelden": 6, "bedreiging": 5, "bedreiging-familie": 0,
                               "stalken": 5, "fysiek": None, "doxing": 0, "anders": 0}
    assert figures.by_month == {"2025-12": None, "2026-01": None, "2026-02": 6}
    assert all(v is None or v == 0 or v >= 5 for d in (figures.by_month, figures.by_form,
                                                       figures.by_channel, figures.by_role)
               for v in d.values())


def test_a_small_register_shows_no_total(register: IncidentRegister) -> None:
    for n in range(2):
        register.register(f"owner-{n}", draft())
    figures = register.figures(COORDINATOR, k=3)
    assert figures.total is None
    assert set(figures.by_role.values()) <= {None, 0}


def test_k_below_three_is_refused(register: IncidentRegister) -> None:
    with pytest.raises(ValueError, match="at least 3"):
        register.figures(COORDINATOR, k=2)
