"""The fixed words of the exports (headings, status and phase names), as gettext msgids.

Why here and not in the content: these words belong to the export layout, not to the guideline.
Everything that says what to *do* comes from the content (steps, advice, facts, terms); this
module only names the parts of the document. The msgids are the Dutch (B1, "u"); every language
comes from the one catalogue (`vbestuur_service.i18n`). The builders get `lang` as an argument,
so they run (and are tested) without Streamlit.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Final

from vbestuur_service.i18n import N_, _, ngettext

_LABELS: Final = {
    "app": N_("Veilig Bestuur"),
    "subtitle": N_("Uw advies bij de Leidraad Veilig Bestuur"),
    "date": N_("Datum"),
    "municipality": N_("Gemeente"),
    "question": N_("Vraag"),
    "outcome": N_("Uitkomst"),
    "unfinished": N_("Dit gesprek is nog niet afgerond. Het advies hieronder is voorlopig."),
    "advice": N_("Advies"),
    "no_advice": N_("Er is (nog) geen advies."),
    "steps": N_("Stappen in de leidraad"),
    "step": N_("stap"),
    "facts": N_("Feiten"),
    "source": N_("Bron"),
    "checked": N_("gecontroleerd op"),
    "why": N_("Waarom dit advies"),
    "checklist": N_("Checklist: open stappen"),
    "no_open": N_("Er zijn geen open stappen."),
    "actions": N_("Wat u kunt doen"),
    "answers": N_("Uw antwoorden"),
    "disclaimer": N_("Dit is informatie, geen juridisch advies. Bel 112 bij acuut gevaar."),
    "page": N_("pagina"),
    "kind_advice": N_("advies"),
    "kind_step": N_("stap"),
    "col_kind": N_("soort"),
    "col_id": N_("id"),
    "col_title": N_("titel"),
    "col_text": N_("tekst"),
    "col_steps": N_("stappen"),
    "col_status": N_("status"),
    "col_phase": N_("fase"),
    "col_urgency": N_("urgentie"),
    "col_actions": N_("acties"),
    "col_facts": N_("feiten"),
    "reminder": N_("Herinnering"),
    "calendar": N_("Veilig Bestuur: herinneringen"),
    "your_status": N_("Status in uw checklist"),
}

PHASE_NAMES: Final = {"vooraf": N_("Vooraf: voorbereiden"),
                      "tijdens": N_("Tijdens een incident"), "erna": N_("Na een incident")}
STATUS_NAMES: Final = {"open": N_("open"), "partial": N_("deels gedaan"), "done": N_("gedaan"),
                       "na": N_("niet van toepassing")}
URGENCY_NAMES: Final = {"now": N_("Nu doen"), "today": N_("Vandaag doen"),
                        "soon": N_("Binnenkort doen"), "plan": N_("Inplannen")}


@cache
def labels(lang: str) -> MappingProxyType[str, str]:
    """The read-only label table for `lang` (Dutch for a language without a catalogue)."""
    return MappingProxyType({key: _(msgid, lang) for key, msgid in _LABELS.items()})


def phase_label(phase: str, lang: str) -> str:
    return _(PHASE_NAMES[phase], lang) if phase in PHASE_NAMES else phase


def status_label(status: str, lang: str) -> str:
    return _(STATUS_NAMES[status], lang) if status in STATUS_NAMES else status


def urgency_label(urgency: str, lang: str) -> str:
    return _(URGENCY_NAMES[urgency], lang) if urgency in URGENCY_NAMES else urgency


def advice_heading(number: int, title: str | None, urgency: str, lang: str) -> str:
    """'2. Bel 112 (Nu doen)', or '3. Vandaag doen' for an advice without a title."""
    when = urgency_label(urgency, lang)
    return f"{number}. {title} ({when})" if title else f"{number}. {when}"


def cited_steps(steps: tuple[int, ...], titles: tuple[str, ...], lang: str) -> str:
    """'stappen 6, 14 (Netwerklijst; Melden en registreren)': numbers first, then names."""
    names = "; ".join(t for t in titles if t)
    return f"{steps_text(steps, lang)} ({names})" if names else steps_text(steps, lang)


def steps_text(steps: tuple[int, ...] | list[int], lang: str) -> str:
    """'stap 14' or 'stappen 6, 14' — the citation every advice carries."""
    numbers = ", ".join(str(s) for s in steps)
    return ngettext("stap {numbers}", "stappen {numbers}", len(steps), lang, numbers=numbers)
