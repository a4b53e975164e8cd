"""The netwerklijst (guideline step 6): a person's own list of whom to call, as a pure model.

Why in the engine: the app, the exports and the `gereedheid` checklist must agree on what a
valid row is and on when step 6 counts as done. Everything here is plain data and pure
functions (no Streamlit), so the rule can be tested on its own and reused anywhere.

Why only the facts' numbers: a wrong number on a list for an emergency is worse than none, so the
list is pre-filled only with the contacts that `rules/facts.yaml` vouches for (with source and
checked date). The municipality's own contacts come from the open terms: the municipality's
value when it has one, otherwise a visible gap that says whom to ask. Free text is cleaned of
control characters and capped in length, and is always treated as plain text by its readers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from .content import Content
from .netwerklijst_fields import (
    LIMITS,
    clean_text,
    digits,
    field_problem,
    normalised,
    phone_ok,
    salvage_phone,
)
from .netwerklijst_text import GAP, OWN_ROWS, SPECIAL_ROWS, FieldProblem
from .phone import phone_e164
from .schema import Fact, LocalValues
from .walk import ChecklistItem, Progress, Status

Kind = Literal["landelijk", "gemeente", "vertrouwenspersoon", "sparringpartner", "eigen"]
KINDS: tuple[Kind, ...] = ("landelijk", "gemeente", "vertrouwenspersoon", "sparringpartner",
                           "eigen")
EDITABLE = ("name", "role", "phone", "note")
MAX_ROWS = 50
MUNICIPAL_TERMS = ("politiecontact", "vertrouwenspersoon", "opvang", "meldprocedure",
                   "woordvoering")
POLICE_TERM = "politiecontact"
POLICE_WORDS = ("politie", "police", "wijkagent", "vpt")
STEP = 6

__all__ = ["EDITABLE", "KINDS", "LIMITS", "MAX_ROWS", "FieldProblem", "NetworkList",
           "NetworkRow", "add_missing", "adjust_checklist", "adjust_progress", "clean_text",
           "digits", "from_data", "initial_list", "missing", "move_row", "national_contacts",
           "phone_ok", "remove_row", "replace_row", "row_problems", "step6_status",
           "without_gap_note"]


def row_problems(raw: Mapping[str, object]) -> dict[str, FieldProblem]:
    """Every problem of an edited row, by field; empty when the row can be saved."""
    values = {f: clean_text(raw.get(f, "")) for f in EDITABLE}
    problems = {f: p for f in EDITABLE if (p := field_problem(f, values[f])) is not None}
    if not values["name"] and not values["role"] and "name" not in problems:
        problems["name"] = FieldProblem("empty")
    if raw.get("kind") not in KINDS:
        problems["kind"] = FieldProblem("kind")
    return problems


class NetworkRow(BaseModel):
    """One contact: kind, name, what for, number, a note, its place, and where it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind
    name: str = ""
    role: str = ""
    phone: str = ""
    note: str = ""
    order: int = 0
    ref: str = ""
    source: str = ""
    checked: str = ""

    @field_validator("name", "role", "phone", "note", "ref", "source", "checked", mode="before")
    @classmethod
    def _clean(cls, value: object) -> str:
        return clean_text(value)

    @field_validator("name", "role", "phone", "note", "ref", "source", "checked")
    @classmethod
    def _check(cls, value: str, info: ValidationInfo) -> str:
        problem = field_problem(info.field_name or "", value)
        if problem is not None:
            raise ValueError(problem.text("en"))
        return normalised(info.field_name or "", value)

    @property
    def gap(self) -> bool:
        """A municipal contact without a number yet: shown as "nog in te vullen"."""
        return self.kind == "gemeente" and not self.phone

    @property
    def blank(self) -> bool:
        """Nothing filled in yet (an empty row for a confidant or sparring partner)."""
        return not self.name and not self.phone


class NetworkList(BaseModel):
    """The whole list, rows in the person's order (numbered from 1 on every change)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1] = 1
    lang: Literal["nl", "en"] = "nl"
    rows: tuple[NetworkRow, ...] = Field(default=(), max_length=MAX_ROWS)

    @field_validator("rows")
    @classmethod
    def _ordered(cls, rows: tuple[NetworkRow, ...]) -> tuple[NetworkRow, ...]:
        ranked = sorted(enumerate(rows), key=lambda pair: (pair[1].order, pair[0]))
        return tuple(row.model_copy(update={"order": n}) for n, (_, row) in
                     enumerate(ranked, 1))


# --- building and changing a list (every function returns a new list) -----------------------

def national_contacts(content: Content) -> tuple[Fact, ...]:
    """The facts with a contact block, in file order: the only numbers the app may pre-fill."""
    return tuple(fact for fact in content.facts.values() if fact.contact is not None)


def initial_list(content: Content, local: LocalValues | None, lang: str) -> NetworkList:
    """The list a person starts from: national contacts, municipal contacts, own rows."""
    lang = "en" if lang == "en" else "nl"
    rows = [_national_row(fact, lang) for fact in national_contacts(content)]
    rows += [_municipal_row(content, local, term_id, lang) for term_id in MUNICIPAL_TERMS
             if term_id in content.terms]
    rows += [NetworkRow(kind="gemeente", ref=ref, role=text.get(lang),
                        note=f"{GAP.get(lang)} {how.get(lang)}")
             for ref, text, how in SPECIAL_ROWS]
    rows += [NetworkRow(kind=kind, role=role.get(lang), note=why.get(lang))
             for kind, role, why in OWN_ROWS]
    return NetworkList(lang=lang, rows=tuple(r.model_copy(update={"order": n})
                                             for n, r in enumerate(rows, 1)))


def _national_row(fact: Fact, lang: str) -> NetworkRow:
    assert fact.contact is not None
    contact = fact.contact
    return NetworkRow(kind="landelijk", name=contact.name.get(lang),
                      role=contact.purpose.get(lang), phone=contact.phone, ref=fact.id,
                      source=fact.source.title, checked=fact.checked)


def _municipal_row(content: Content, local: LocalValues | None, term_id: str,
                   lang: str) -> NetworkRow:
    """The municipality's value when it has one, else a gap saying whom to ask."""
    term = content.terms[term_id]
    value = local.values.get(term_id) if local is not None else None
    if value is not None:
        note = value.get(lang)
    else:
        default = term.default.get(lang)
        note = f"{GAP.get(lang)} {default[:1].lower()}{default[1:]}"
    return NetworkRow(kind="gemeente", ref=term_id, role=term.label.get(lang),
                      note=note[:LIMITS["note"]])


def replace_row(network: NetworkList, index: int | None, row: NetworkRow) -> NetworkList:
    """The list with row `index` replaced (None: `row` added at the end)."""
    rows = list(network.rows)
    if index is None:
        rows.append(row.model_copy(update={"order": len(rows) + 1}))
    else:
        rows[index] = row.model_copy(update={"order": rows[index].order})
    return network.model_copy(update={"rows": NetworkList(rows=tuple(rows)).rows})


def without_gap_note(row: NetworkRow) -> NetworkRow:
    """A row that now has a number no longer says "nog in te vullen" (in either language)."""
    if row.phone and row.note.startswith((GAP.nl, GAP.en)):
        return row.model_copy(update={"note": ""})
    return row


def remove_row(network: NetworkList, index: int) -> NetworkList:
    """The list without row `index`."""
    rows = network.rows[:index] + network.rows[index + 1:]
    return network.model_copy(update={"rows": NetworkList(rows=rows).rows})


def move_row(network: NetworkList, index: int, delta: int) -> NetworkList:
    """The list with row `index` moved `delta` places (kept within the list)."""
    rows = list(network.rows)
    target = max(0, min(len(rows) - 1, index + delta))
    rows.insert(target, rows.pop(index))
    renumbered = tuple(r.model_copy(update={"order": n}) for n, r in enumerate(rows, 1))
    return network.model_copy(update={"rows": renumbered})


def add_missing(network: NetworkList, content: Content, local: LocalValues | None,
                lang: str) -> NetworkList:
    """Add the national and municipal rows that the person removed or that are new.

    Rows are matched by where they came from (`ref`); rows the person wrote stay as they are.
    """
    present = {row.ref for row in network.rows if row.ref}
    fresh = [row for row in initial_list(content, local, lang).rows
             if row.ref and row.ref not in present]
    rows = network.rows + tuple(fresh)[:MAX_ROWS - len(network.rows)]
    return network.model_copy(update={"rows": NetworkList(rows=rows).rows})


# --- the completeness rule for step 6 -------------------------------------------------------

Missing = Literal["national", "police", "confidant"]


def missing(network: NetworkList | None, content: Content) -> tuple[Missing, ...]:
    """What step 6 still needs: all national contacts, a local police contact, a confidant."""
    if network is None:
        return ("national", "police", "confidant")
    numbers = {phone_e164(row.phone) for row in network.rows if row.phone}
    national = {phone_e164(fact.contact.phone) for fact in national_contacts(content)
                if fact.contact is not None}
    result: list[Missing] = []
    if not national <= numbers:
        result.append("national")
    if not any(_is_police(row, national) for row in network.rows):
        result.append("police")
    if not any(row.kind == "vertrouwenspersoon" and row.name and row.phone
               for row in network.rows):
        result.append("confidant")
    return tuple(result)


def _is_police(row: NetworkRow, national: set[str]) -> bool:
    """A local police contact: the police row of the list, or a row the person named so."""
    if not row.phone or row.kind == "landelijk" or phone_e164(row.phone) in national:
        return False
    words = f"{row.name} {row.role}".lower()
    return row.ref == POLICE_TERM or any(word in words for word in POLICE_WORDS)


def step6_status(network: NetworkList | None, content: Content) -> Literal["done", "open"]:
    """Step 6 is done only when nothing is missing from the list."""
    return "open" if missing(network, content) else "done"


def adjust_checklist(checklist: tuple[ChecklistItem, ...], network: NetworkList | None,
                     content: Content) -> tuple[ChecklistItem, ...]:
    """The checklist with step 6 judged by the list itself (a new tuple; input unchanged).

    Done when the list is complete. When it is not, an answer "I have a list" still counts
    as partly done (the person may keep it on paper), never as done; n.a. stays n.a.
    """
    status = step6_status(network, content)
    return tuple(_adjusted(item, status) if item.step.id == STEP else item
                 for item in checklist)


def _adjusted(item: ChecklistItem, list_status: Literal["done", "open"]) -> ChecklistItem:
    new: Status = item.status
    if item.status != "na":
        new = "done" if list_status == "done" else (
            "partial" if item.status in ("done", "partial") else "open")
    return item if new == item.status else dataclasses.replace(item, status=new)


def adjust_progress(progress: Progress, network: NetworkList | None,
                    content: Content) -> Progress:
    """A copy of `progress` whose checklist has step 6 judged by the list."""
    checklist = adjust_checklist(progress.checklist, network, content)
    if checklist == progress.checklist:
        return progress
    return dataclasses.replace(progress, checklist=checklist)


def from_data(data: object) -> NetworkList | None:
    """A stored list (JSON data) as a model, or None when it is missing or not valid.

    A number the numbering plan no longer accepts moves into its row's note (`salvage_phone`).
    """
    if not isinstance(data, dict):
        return None
    rows = data.get("rows")
    if isinstance(rows, list):
        lang = "en" if data.get("lang") == "en" else "nl"
        data = {**data, "rows": [salvage_phone(row, lang) for row in rows]}
    try:
        return NetworkList.model_validate(data)
    except ValueError:
        return None
