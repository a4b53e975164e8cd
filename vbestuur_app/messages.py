"""The one place where a storage error becomes a sentence for the person.

Why one place: the store and the service report *what* went wrong as a typed error with a
code and its parameters (never prose, never the typed input); which words a person reads, in
which language, is the web layer's job. Every page shows a storage problem through
`error_text`, so the same problem reads the same everywhere, and the words live in the
gettext catalogue (`vbestuur_service/locale`) like every other text of the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from vbestuur_service.errors import StorageUnavailable
from vbestuur_service.i18n import N_
from vbestuur_store import StoreError

from .i18n import _

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store.workshop_room import NoteWriter, Proposal

# The store's error codes and the Dutch msgid of each one's sentence (written out with N_,
# so `pybabel extract` finds them). An unknown code gets the general sentence.
ERROR_KEYS: Final[dict[str, str]] = {
    StorageUnavailable.code: N_(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt."),
    "store-error": N_("Er ging iets mis bij het bewaren van uw gegevens."),
    "unknown-token": N_(
        "Uw eerder bewaarde antwoorden zijn niet gevonden. Misschien zijn ze verwijderd of "
        "verlopen. U kunt opnieuw beginnen."),
    "malformed-code": N_(
        "Dit is geen geldige bewaarcode. Een bewaarcode bestaat uit 7 groepjes van 4 letters en "
        "cijfers, bijvoorbeeld ABCD-EFGH-… Controleer of u de code volledig hebt overgenomen."),
    "unknown-code": N_(
        "Deze bewaarcode is niet (meer) bekend. Misschien is er een nieuwere code gemaakt, of "
        "zijn de gegevens verwijderd of verlopen."),
    "wrong-pin": N_("De pincode of het wachtwoord is onjuist."),
    "locked": N_("Te veel onjuiste pogingen. Probeer het over {seconds} seconden opnieuw."),
    "pin-not-configured": N_(
        "Er is nog geen pincode voor de griffie ingesteld. Vraag de beheerder om die in te "
        "stellen (VBESTUUR_GRIFFIE_PIN of 'python -m vbestuur_store set-pin')."),
    "weak-pin": N_("Kies een pincode of wachtwoord van {min_length} tot {max_length} tekens."),
    "invalid-value": N_("De waarde voor ‘{field}’ is niet geldig."),
    "stale-item": N_(
        "Iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de nieuwe stand en voer "
        "uw wijziging opnieuw in."),
    "malformed-room": N_(
        "Dit is geen geldige workshopcode. Een workshopcode heeft 6 tekens, letters en cijfers, "
        "bijvoorbeeld K7QM3X. Kijk nog eens naar het scherm."),
    "unknown-room": N_(
        "Er is geen workshop met deze code. Controleer de code op het scherm. Misschien is de "
        "workshop al verwijderd."),
    "room-expired": N_("Deze workshop is verlopen. U kunt niet meer meedoen."),
    "workshop-ended": N_(
        "Deze workshop is afgelopen. U kunt geen antwoorden meer geven of wijzigen."),
    "poll-closed": N_(
        "De begeleider is naar een andere stap gegaan. Uw antwoord op deze stap is niet "
        "bewaard. Beantwoord de vraag bij de stap die nu op het scherm staat."),
    "not-joined": N_("U doet niet (meer) mee aan deze workshop. Vul de workshopcode opnieuw in."),
    "room-full": N_(
        "Deze workshop is vol: het grootste aantal deelnemers is bereikt. Vraag de begeleider "
        "om hulp."),
    "reveal-too-few": N_(
        "Nog te weinig antwoorden: {respondents} van minimaal {needed}. De uitslag kan pas "
        "getoond worden als genoeg mensen hebben geantwoord."),
    "poll-revealed": N_(
        "De uitslag van deze stap staat al op het scherm. Antwoorden kan niet meer."),
}


def error_text(err: StoreError, lang: str | None = None) -> str:
    """The calm sentence for a storage problem, in `lang` (default: this session's)."""
    return _(
        ERROR_KEYS.get(err.code, "Er ging iets mis bij het bewaren van uw gegevens."), lang,
        **err.params)


# The room's verdict in words, for the hand-over note (msgids written out, as above).
JUDGED_KEYS: Final[dict[str, str]] = {
    "nee": N_("niet geregeld"), "deels": N_("deels geregeld"), "weet-niet": N_("onbekend")}


def proposal_note(lang: str) -> NoteWriter:
    """The sentence a workshop's hand-over adds to a step's note in the register, in `lang`."""
    def write(facts: Proposal) -> str:
        counts = facts.counts
        return _(
            "Voorstel uit workshop {code} ({day}): de zaal vindt deze stap {judged} (ja {ja}, "
            "deels {deels}, nee {nee}, weet ik niet {weet}; {n} antwoorden). De griffie beslist "
            "over de status.", lang, code=facts.code, day=facts.day,
            judged=_(JUDGED_KEYS[facts.judged], lang), ja=counts["ja"], deels=counts["deels"],
            nee=counts["nee"], weet=counts["weet-niet"], n=facts.respondents)

    return write
