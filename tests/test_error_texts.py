"""Every storage error code has its sentence in the app's catalogue, in Dutch and English.

Why here: the store reports only a code and its parameters; the words moved to the app's
message catalogue, looked up in one place (`vbestuur_app/messages.py`). These tests hold the
two together: no code without a sentence, no sentence with a placeholder the store does not
give, and the sentences a person under stress needs still say what they said.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from vbestuur_app.i18n import LANGS, _
from vbestuur_app.messages import ERROR_KEYS, JUDGED_KEYS, error_text, proposal_note
from vbestuur_service.errors import StorageUnavailable
from vbestuur_store import Locked, MalformedCode, StoreError, WeakPin, WrongPin
from vbestuur_store.workshop_errors import MalformedRoom, UnknownRoom
from vbestuur_store.workshop_room import Proposal

# Distinct values, so each one can be found in the sentence it fills in.
PARAMS: dict[str, dict[str, object]] = {
    "locked": {"seconds": 37}, "weak-pin": {"min_length": 6, "max_length": 128},
    "invalid-value": {"field": "notitieveld"}, "reveal-too-few": {"needed": 3, "respondents": 2}}


def every_error() -> list[type[StoreError]]:
    def below(cls: type[StoreError]) -> list[type[StoreError]]:
        return [cls, *(s for c in cls.__subclasses__() for s in below(c))]

    import vbestuur_store.workshop_errors  # noqa: F401 - the workshop codes register here

    return below(StoreError)


@pytest.mark.parametrize("lang", LANGS)
def test_every_code_has_a_sentence_with_the_stores_placeholders(lang: str) -> None:
    """Each code has its own key; its sentence takes exactly the store's parameters (a missing
    one raises KeyError, an unused one is not in the text) and leaves no brace unfilled."""
    general = _("Er ging iets mis bij het bewaren van uw gegevens.", lang)
    for cls in every_error():
        assert cls.code in ERROR_KEYS, cls
        params = PARAMS.get(cls.code, {})
        err = SimpleNamespace(code=cls.code, params=params)  # what error_text reads
        text = error_text(err, lang)  # type: ignore[arg-type]
        assert "{" not in text and "}" not in text, cls
        assert all(str(value) in text for value in params.values()), cls
        assert text != general or cls.code == "store-error", cls
    assert StorageUnavailable in every_error()


@pytest.mark.parametrize("lang", LANGS)
def test_the_sentences_still_say_what_they_said(lang: str) -> None:
    nl = lang == "nl"
    assert error_text(WrongPin(), lang) == ("De pincode of het wachtwoord is onjuist." if nl
                                            else "The PIN or password is incorrect.")
    assert ("30 seconden" if nl else "30 seconds") in error_text(Locked(seconds=30), lang)
    assert ("6 tot 128" if nl else "6 to 128") in error_text(
        WeakPin(min_length=6, max_length=128), lang)
    assert ("6 tekens" if nl else "6 characters") in error_text(MalformedRoom(), lang)
    assert ("geen workshop" if nl else "no workshop") in error_text(UnknownRoom(), lang)
    assert "ABCD-EFGH" in error_text(MalformedCode(), lang)
    assert error_text(StorageUnavailable(), lang) == _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", lang)


def test_an_unknown_code_gets_the_general_sentence() -> None:
    class Odd(StoreError):
        code = "odd-one-out"

    assert error_text(Odd(), "nl") == _("Er ging iets mis bij het bewaren van uw gegevens.", "nl")


@pytest.mark.parametrize("lang", LANGS)
def test_the_hand_over_note_names_the_workshop_and_the_counts(lang: str) -> None:
    counts = {"ja": 0, "deels": 1, "nee": 0, "weet-niet": 3}
    for judged in JUDGED_KEYS:
        note = proposal_note(lang)(Proposal("K7QM3X", "2026-05-04", judged, counts, 4))
        assert "workshop K7QM3X" in note and "2026-05-04" in note
    note = proposal_note(lang)(Proposal("K7QM3X", "2026-05-04", "weet-niet", counts, 4))
    assert ("onbekend" if lang == "nl" else "unknown") in note
    assert ("weet ik niet 3; 4 antwoorden" if lang == "nl" else "don't know 3; 4 answers") in note
