"""Pattern signals with the coordinator's remembered decisions (issue 16).

How a decision is remembered, and why:
- A signal is a group of linked incidents (pattern.groups); its id is a hash of its members,
  so the same group has the same id tomorrow.
- **Rejected** ("not the same person"): every pair inside the rejected group is remembered
  as not linked. Those incidents are never grouped together again on the old evidence; the
  rejected group stays listed as rejected (so the decision can be reversed). Only a *new*
  incident that links to one of them is new evidence: it forms a new, open signal with the
  incident it matches (and with the others only if it matches them too).
- **Confirmed**: a group that is still the confirmed group, or part of it after a withdrawal,
  shows as confirmed. When a new incident joins a confirmed group, the grown group is open
  again: the coordinator looks at the new incident and confirms the larger group.
- A decision that covers fewer than two incidents after a withdrawal or purge goes
  (vbestuur_store.incidents_signals.forget_members).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from itertools import combinations

from vbestuur_store.incidents import StoredIncident
from vbestuur_store.incidents_signals import Decision

from .model import PatternSignal
from .pattern import Group, Item, groups


def signal_id(members: Sequence[str]) -> str:
    """A stable id for a group of incidents (their ids are random, so it says nothing)."""
    return hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()


def rejected_pairs(decisions: Sequence[Decision]) -> set[frozenset[str]]:
    return {frozenset(pair) for d in decisions if d.decision == "rejected"
            for pair in combinations(d.members, 2)}


def _state(members: tuple[str, ...], decisions: Sequence[Decision]) -> str:
    own = {d.signal_id: d.decision for d in decisions}.get(signal_id(members))
    if own is not None:
        return own
    if any(d.decision == "confirmed" and set(members) <= set(d.members) for d in decisions):
        return "confirmed"
    return "open"


def _signal(group: Group, state: str, rows: Mapping[str, StoredIncident]) -> PatternSignal:
    found = [rows[m] for m in group.members if m in rows]
    days = sorted(r.occurred_at.date() for r in found)
    return PatternSignal(signal_id=signal_id(group.members), incident_ids=group.members,
                         incidents=len(found), office_holders=len({r.owner for r in found}),
                         first=days[0], last=days[-1], matched_on=group.matched_on,
                         decision=state)  # type: ignore[arg-type]


def signals(items: Sequence[Item], rows: Mapping[str, StoredIncident],
            decisions: Sequence[Decision]) -> list[PatternSignal]:
    """Today's signals, open ones first, each kind newest first: the linked groups, and the
    rejected groups still standing."""
    current = groups(items, rejected=rejected_pairs(decisions))
    found = [_signal(g, _state(g.members, decisions), rows) for g in current]
    shown = {s.signal_id for s in found}
    for d in decisions:
        members = tuple(m for m in d.members if m in rows)
        if d.decision == "rejected" and d.signal_id not in shown and len(members) >= 2:
            linked = groups([i for i in items if i.incident_id in members])
            kinds = tuple(sorted({k for g in linked for k in g.matched_on}))
            found.append(_signal(Group(members, kinds), "rejected", rows))
    return sorted(found, key=lambda s: (s.decision != "open", -s.last.toordinal()))
