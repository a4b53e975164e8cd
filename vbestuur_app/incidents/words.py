"""Dutch msgids for the register's values chosen at run time: channels, statuses, problems.

Why a table: the service returns codes ("online", "in_behandeling", "invalid-phone"), never
sentences; `_(CHANNELS[code])` keeps every msgid a literal that `pybabel extract` finds. The
forms of behaviour and the roles are not here: their labels are the content's own (the `wat`
and `rol` options of flows/incident.yaml), so the register says what the questions said.
"""

from __future__ import annotations

from typing import Final

from vbestuur_service.i18n import N_

CHANNELS: Final[dict[str, str]] = {
    "online": N_("Online"),
    "in_person": N_("Persoonlijk"),
    "phone": N_("Telefoon"),
    "mail": N_("Brief of kaart"),
    "home": N_("Bij mij thuis"),
}

REPORTED: Final[dict[str, str]] = {
    "none": N_("Nog niet"),
    "melding": N_("Melding bij de politie"),
    "aangifte": N_("Aangifte gedaan"),
}

STATUSES: Final[dict[str, str]] = {
    "open": N_("open"),
    "in_behandeling": N_("in behandeling"),
    "afgesloten": N_("afgesloten"),
}

DECISIONS: Final[dict[str, str]] = {
    "open": N_("nog niet beoordeeld"),
    "confirmed": N_("bevestigd: dezelfde persoon"),
    "rejected": N_("afgewezen: niet dezelfde persoon"),
}

MATCHED_ON: Final[dict[str, str]] = {
    "handle": N_("accountnaam"),
    "phone": N_("telefoonnummer"),
    "email": N_("e-mailadres"),
    "name": N_("naam"),
}

ACTIONS: Final[dict[str, str]] = {
    "registered": N_("geregistreerd"),
    "read": N_("bekeken"),
    "status": N_("status gewijzigd"),
    "note": N_("notitie toegevoegd"),
    "added": N_("aangevuld door de melder"),
    "exported": N_("geëxporteerd"),
    "decided": N_("patroon beoordeeld"),
}

# the form's fields as the person saw them, for a problem's message
FIELDS: Final[dict[str, str]] = {
    "occurred_at": N_("Wanneer"),
    "channel": N_("Waar"),
    "platform": N_("Platform"),
    "forms": N_("Wat er gebeurde"),
    "description": N_("Beschrijving"),
    "perpetrator.name": N_("Naam van de dader"),
    "perpetrator.handles": N_("Accountnamen van de dader"),
    "perpetrator.phones": N_("Telefoonnummer van de dader"),
    "perpetrator.emails": N_("E-mailadres van de dader"),
    "perpetrator.description": N_("Beschrijving van de dader"),
    "reported": N_("Melding of aangifte"),
    "police_number": N_("Registratienummer van de politie"),
    "vpt_code_asked": N_("VPT-code"),
    "reporter_name": N_("Uw naam"),
    "reporter_contact": N_("Hoe de coördinator u bereikt"),
    "role": N_("Uw rol"),
}

PROBLEMS: Final[dict[str, str]] = {
    "required": N_("Kies of vul dit in."),
    "unknown": N_("Kies een van de mogelijkheden."),
    "too-long": N_("Dit is te lang. Maak het wat korter."),
    "future": N_("Dit moment ligt in de toekomst. Kies een moment dat al voorbij is."),
    "naive-time": N_("Dit moment is niet duidelijk. Kies de datum en tijd opnieuw."),
    "invalid-phone": N_("Dit is geen telefoonnummer dat we herkennen. Laat het leeg als u het "
                        "niet weet."),
    "invalid-email": N_("Dit is geen e-mailadres dat we herkennen. Laat het leeg als u het niet "
                        "weet."),
    "control-chars": N_("Hier staan tekens in die niet in een tekst horen. Typ het opnieuw."),
    "invalid-handle": N_("Dit is geen accountnaam die we herkennen. Laat het leeg als u het niet "
                         "weet."),
    "too-old": N_("Dit is langer geleden dan het register bewaart. Registreren kan niet meer, "
                  "melden wel."),
    "not-allowed": N_("Dit kan hier niet worden bewaard."),
}


def field_name(path: str) -> str:
    """The msgid of a problem's field: "perpetrator.handles[0]" is the handles field."""
    return FIELDS.get(path.split("[", 1)[0], N_("Dit veld"))
