"""Figures for step 20's yearly evaluation, with small cells suppressed (issue 16).

Why suppression: in a municipality with one burgemeester and five wethouders, "1 incident,
burgemeester, stalking, March" names the person. Every cell from 1 to k-1 is shown as
suppressed (None), never as a number; 0 is shown (it points at nobody).
Why a second suppressed cell: months, channels and roles each add up to the total; with one
cell suppressed and the total shown, it could be worked out by subtraction. So when exactly
one cell of such a dimension is suppressed, the smallest other non-zero cell is suppressed
too. Forms do not add up (one incident can have several), so they need no second cell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from vbestuur_store.incidents import StoredIncident

from .model import CHANNELS, FORMS, ROLES, Figures

UNKNOWN_ROLE = "onbekend"


def suppressed(counts: dict[str, int], k: int, additive: bool) -> dict[str, int | None]:
    """The counts with every cell 0 < n < k as None (and a second cell if `additive`)."""
    small = {key for key, n in counts.items() if 0 < n < k}
    if additive and len(small) == 1:
        others = sorted((n, key) for key, n in counts.items() if n > 0 and key not in small)
        if others:
            small.add(others[0][1])
    return {key: (None if key in small else n) for key, n in counts.items()}


def _counted(keys: Iterable[str], values: Iterable[str]) -> dict[str, int]:
    found = Counter(values)
    return {key: found.get(key, 0) for key in keys} | dict(found)


def figures(rows: Sequence[StoredIncident], k: int) -> Figures:
    """The register's counts per month, form, channel and role, suppressed below k."""
    months = sorted({r.occurred_at.strftime("%Y-%m") for r in rows})
    total = len(rows)
    return Figures(
        by_month=suppressed(_counted(months, (r.occurred_at.strftime("%Y-%m") for r in rows)),
                            k, additive=True),
        by_form=suppressed(_counted(FORMS, (f for r in rows for f in r.forms)), k,
                           additive=False),
        by_channel=suppressed(_counted(CHANNELS, (r.channel for r in rows)), k, additive=True),
        by_role=suppressed(_counted((*ROLES, UNKNOWN_ROLE),
                                    (r.role or UNKNOWN_ROLE for r in rows)), k, additive=True),
        k=k, total=None if 0 < total < k else total)
