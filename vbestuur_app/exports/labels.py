"""The fixed words of the exports (headings, status and phase names), in Dutch and English.

Why here and not in the content: these words belong to the export layout, not to the guideline.
Everything that says what to *do* comes from the content (steps, advice, facts, terms); this
module only names the parts of the document. Dutch is written at B1 level and uses "u".
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

_NL: Final = {
    "app": "Veilig Bestuur",
    "subtitle": "Uw advies bij de Leidraad Veilig Bestuur",
    "date": "Datum",
    "municipality": "Gemeente",
    "question": "Vraag",
    "outcome": "Uitkomst",
    "unfinished": "Dit gesprek is nog niet afgerond. Het advies hieronder is voorlopig.",
    "advice": "Advies",
    "no_advice": "Er is (nog) geen advies.",
    "steps": "Stappen in de leidraad",
    "step": "stap",
    "facts": "Feiten",
    "source": "Bron",
    "checked": "gecontroleerd op",
    "why": "Waarom dit advies",
    "checklist": "Checklist: open stappen",
    "no_open": "Er zijn geen open stappen.",
    "actions": "Wat u kunt doen",
    "answers": "Uw antwoorden",
    "disclaimer": "Dit is informatie, geen juridisch advies. Bel 112 bij acuut gevaar.",
    "page": "pagina",
    "kind_advice": "advies",
    "kind_step": "stap",
    "col_kind": "soort",
    "col_id": "id",
    "col_title": "titel",
    "col_text": "tekst",
    "col_steps": "stappen",
    "col_status": "status",
    "col_phase": "fase",
    "col_urgency": "urgentie",
    "col_actions": "acties",
    "col_facts": "feiten",
    "reminder": "Herinnering",
    "calendar": "Veilig Bestuur: herinneringen",
    "your_status": "Status in uw checklist",
}

_EN: Final = {
    "app": "Veilig Bestuur (Safe Governance)",
    "subtitle": "Your advice based on the Leidraad Veilig Bestuur",
    "date": "Date",
    "municipality": "Municipality",
    "question": "Question",
    "outcome": "Outcome",
    "unfinished": "This conversation is not finished yet. The advice below is provisional.",
    "advice": "Advice",
    "no_advice": "There is no advice (yet).",
    "steps": "Steps in the guideline",
    "step": "step",
    "facts": "Facts",
    "source": "Source",
    "checked": "checked on",
    "why": "Why this advice",
    "checklist": "Checklist: open steps",
    "no_open": "There are no open steps.",
    "actions": "What you can do",
    "answers": "Your answers",
    "disclaimer": "This is information, not legal advice. Call 112 in acute danger.",
    "page": "page",
    "kind_advice": "advice",
    "kind_step": "step",
    "col_kind": "kind",
    "col_id": "id",
    "col_title": "title",
    "col_text": "text",
    "col_steps": "steps",
    "col_status": "status",
    "col_phase": "phase",
    "col_urgency": "urgency",
    "col_actions": "actions",
    "col_facts": "facts",
    "reminder": "Reminder",
    "calendar": "Veilig Bestuur: reminders",
    "your_status": "Status in your checklist",
}

_PHASES: Final = {
    "nl": {"vooraf": "Vooraf: voorbereiden", "tijdens": "Tijdens een incident",
           "erna": "Na een incident"},
    "en": {"vooraf": "Beforehand: prepare", "tijdens": "During an incident",
           "erna": "After an incident"},
}

_STATUS: Final = {
    "nl": {"open": "open", "partial": "deels gedaan", "done": "gedaan",
           "na": "niet van toepassing"},
    "en": {"open": "open", "partial": "partly done", "done": "done", "na": "not applicable"},
}

_URGENCY: Final = {
    "nl": {"now": "Nu doen", "today": "Vandaag doen", "soon": "Binnenkort doen",
           "plan": "Inplannen"},
    "en": {"now": "Do now", "today": "Do today", "soon": "Do soon", "plan": "Plan it"},
}


def _lang(lang: str) -> str:
    """Dutch is authoritative, so every unknown language falls back to it."""
    return "en" if lang == "en" else "nl"


def labels(lang: str) -> MappingProxyType[str, str]:
    """The read-only label table for `lang` ("nl" or "en")."""
    return MappingProxyType(_EN if _lang(lang) == "en" else _NL)


def phase_label(phase: str, lang: str) -> str:
    return _PHASES[_lang(lang)].get(phase, phase)


def status_label(status: str, lang: str) -> str:
    return _STATUS[_lang(lang)].get(status, status)


def urgency_label(urgency: str, lang: str) -> str:
    return _URGENCY[_lang(lang)].get(urgency, urgency)


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
    if _lang(lang) == "en":
        return f"{'step' if len(steps) == 1 else 'steps'} {numbers}"
    return f"{'stap' if len(steps) == 1 else 'stappen'} {numbers}"
