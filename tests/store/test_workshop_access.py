"""Facilitator sign-in per client (F2) without a room-code oracle (F15)."""

from __future__ import annotations

import pytest

from vbestuur_store import (
    Locked,
    SignedIn,
    Store,
    Throttled,
    Wrong,
    WrongPin,
    check_facilitator,
    create_workshop,
    show_step,
)
from vbestuur_store.limiter import ROOM_CODE
from vbestuur_store.workshop_access import verify_facilitator

PIN = "482913"


def test_a_participant_can_no_longer_lock_the_facilitator_out(store: Store) -> None:
    """F2: five wrong PINs with the code from the wall locked "next step" for the facilitator."""
    code = create_workshop(store, PIN, [1, 2, 3]).code
    laptop = store.new_token()
    assert isinstance(verify_facilitator(store, code, PIN, client="beamer-laptop",
                                         session_token=laptop), SignedIn)
    for _ in range(30):  # the participant, from the room's wifi
        verify_facilitator(store, code, "000000", client="telefoon-7")
    assert isinstance(verify_facilitator(store, code, PIN, client="telefoon-7"), Throttled)
    # the facilitator signs in again on her session and keeps running the workshop
    assert verify_facilitator(store, code, PIN, client="beamer-laptop",
                              session_token=laptop) == SignedIn(
        name=f"workshop:{code}", roles=frozenset({"facilitator"}))
    assert show_step(store, code, PIN, 2).current_step == 2


def test_control_the_old_per_workshop_counter_does_lock(store: Store) -> None:
    """Control: the old path (check_facilitator) still locks per workshop, which is F2."""
    code = create_workshop(store, PIN, [1, 2]).code
    for _ in range(5):
        with pytest.raises((WrongPin, Locked)):
            check_facilitator(store, code, "000000")
    with pytest.raises(Locked):
        show_step(store, code, PIN, 2)


def test_unknown_room_answers_like_a_wrong_pin_and_counts(store: Store) -> None:
    """F15: "PIN onjuist" vs "geen workshop met deze code" told which codes exist."""
    code = create_workshop(store, PIN, [1]).code
    other = "2345AB" if code != "2345AB" else "2345AC"
    assert verify_facilitator(store, code, "000000", client="a") == Wrong()
    assert verify_facilitator(store, other, PIN, client="b") == Wrong()
    assert verify_facilitator(store, "onzin!", PIN, client="b") == Wrong()
    for _ in range(ROOM_CODE.free):
        verify_facilitator(store, other, PIN, client="raadzaal")
    assert isinstance(verify_facilitator(store, code, PIN, client="raadzaal"), Throttled)
    assert isinstance(verify_facilitator(store, code, PIN, client="a"), SignedIn)
