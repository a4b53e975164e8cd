"""The callbacks of the list's row buttons: move, remove (with undo) and put rows back.

Why callbacks: like the rest of the app, state changes only in `on_click`, before the page is
drawn, so one run always shows one consistent list. Every change is saved at once.
"""

from __future__ import annotations

from typing import Any

from vbestuur_engine.netwerklijst import (
    MAX_ROWS,
    NetworkRow,
    add_missing,
    move_row,
    remove_row,
    replace_row,
)

from .. import session
from . import store
from .labels import display_name

PLACE = "netwerk"  # the notice place of the list page


def move(index: int, delta: int) -> None:
    """Move row `index` one place up (-1) or down (+1)."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    if 0 <= index < len(network.rows):
        store.save(move_row(network, index, delta))


def remove(index: int) -> None:
    """Remove row `index`; remember it, so the notice can offer to put it back."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    if not 0 <= index < len(network.rows):
        return
    row = network.rows[index]
    store.save(remove_row(network, index))
    session.clear(PLACE)
    session.notify(PLACE, "removed", name=display_name(row.name, row.role, lang), index=index,
                   row=row.model_dump(mode="json"))


def undo(index: int, data: dict[str, Any]) -> None:
    """Put a removed row back in its old place (the notice's button passes the row)."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    if len(network.rows) >= MAX_ROWS:
        return
    added = replace_row(network, None, NetworkRow.model_validate(data))
    last = len(added.rows) - 1
    store.save(move_row(added, last, index - last))


def restore() -> None:
    """Add the national and municipal rows that are missing from the list."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    notify(saved_or_kept(store.save(add_missing(network, engine.content, local, lang))))


def saved_or_kept(stored: bool) -> str:
    """The notice after a change: "saved" only when it was really stored (F16)."""
    return "saved" if stored else "kept"


def notify(code: str) -> None:
    """Leave the one message of the list page (the newest replaces an older one)."""
    session.clear(PLACE)
    session.notify(PLACE, code)


def pop_notice() -> session.Notice | None:
    """The one-time notice of the last action (shown once, then forgotten)."""
    return next(iter(session.take(PLACE)), None)
