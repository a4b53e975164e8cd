"""The app's words for keeping answers (issue 5), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE`; keys are (nl, en) pairs like the frame's. Dutch is
written at B1 level and uses "u"; the messages for errors come from `vbestuur_store.errors`.
"""

from __future__ import annotations

from typing import Final

_NAV: Final[dict[str, tuple[str, str]]] = {
    "nav.store": ("Bewaren en verdergaan", "Save and continue"),
    "store.griffie_link": ("Griffie: gemeenteprofiel en organisatie",
                           "Griffie: municipality profile and organisation"),
    "nav.griffie": ("Griffie", "Clerk's office"),
    "local.own": ("{name} (ingevuld door de griffie)", "{name} (filled in by the griffie)"),
    "store.home_line": (
        "Wilt u later verder, of op een ander apparaat? Of wilt u alles laten verwijderen?",
        "Do you want to continue later, or on another device? Or have everything deleted?"),
    "store.about": (
        "Uw antwoorden worden op deze server bewaard onder een willekeurige sleutel. Die "
        "sleutel staat in een cookie in uw browser; er staat geen naam bij. Wat u {days} dagen "
        "niet gebruikt, wordt vanzelf verwijderd. U kunt alles ook meteen laten verwijderen "
        "met ‘Vergeet mij’ op de pagina ‘Bewaren en verdergaan’.",
        "Your answers are kept on this server under a random key. That key is in a cookie in "
        "your browser; no name is attached to it. What you do not use for {days} days is "
        "deleted automatically. You can also have everything deleted at once with ‘Forget "
        "me’ on the ‘Save and continue’ page."),
    "store.gone": (
        "Uw bewaarde antwoorden zijn niet meer gevonden (verwijderd of verlopen). Wat u nu "
        "invult, staat alleen in dit venster.",
        "Your saved answers could no longer be found (deleted or expired). What you fill in "
        "now is only kept in this window."),
    "store.down": (
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.",
        "Your answers cannot be saved right now. You can carry on; they stay in this window "
        "as long as you keep it open."),
}

_RESUME: Final[dict[str, tuple[str, str]]] = {
    "store.title": ("Bewaren en verdergaan", "Save and continue"),
    "store.status_on": (
        "Uw antwoorden worden bewaard. Ververst u de pagina of komt u later terug in deze "
        "browser, dan staan ze er nog. Ze worden verwijderd als u ze {days} dagen niet "
        "gebruikt.",
        "Your answers are being saved. If you refresh the page or come back later in this "
        "browser, they are still there. They are deleted if you do not use them for {days} "
        "days."),
    "store.status_off": (
        "In deze browser worden uw antwoorden niet bewaard, omdat er geen cookie kan worden "
        "gebruikt. Uw antwoorden staan alleen in dit venster.",
        "Your answers are not saved in this browser, because no cookie can be used. Your "
        "answers are only kept in this window."),
    "store.code_h": ("Verder op een ander apparaat", "Continue on another device"),
    "store.code_intro": (
        "Met een bewaarcode gaat u verder op een andere computer of telefoon. Wie de code "
        "heeft, kan uw antwoorden zien. Bewaar de code dus goed.",
        "With a save code you can continue on another computer or phone. Anyone who has the "
        "code can see your answers, so keep it safe."),
    "store.code_make": ("Maak een bewaarcode", "Make a save code"),
    "store.code_replaces": (
        "Een nieuwe code maakt uw vorige code ongeldig.",
        "A new code makes your previous code invalid."),
    "store.code_shown": ("Dit is uw bewaarcode:", "This is your save code:"),
    "store.code_once": (
        "Schrijf de code op of kopieer hem met het knopje rechts in het vak. U ziet de code "
        "maar één keer: wij bewaren hem niet leesbaar.",
        "Write the code down or copy it with the small button on the right of the box. You "
        "see the code only once: we do not keep it in readable form."),
    "store.code_hide": ("Ik heb de code bewaard", "I have saved the code"),
    "store.code_needs_cookie": (
        "Een bewaarcode kan alleen als uw antwoorden worden bewaard (zie hierboven).",
        "A save code is only possible when your answers are being saved (see above)."),
    "store.resume_h": ("Verdergaan met een bewaarcode", "Continue with a save code"),
    "store.resume_intro": (
        "Heeft u een bewaarcode? Vul hem hier in. De antwoorden die u op dit apparaat al gaf, "
        "worden dan vervangen door de bewaarde antwoorden.",
        "Do you have a save code? Enter it here. The answers you already gave on this device "
        "are then replaced by the saved answers."),
    "store.resume_label": ("Bewaarcode", "Save code"),
    "store.resume_button": ("Verdergaan", "Continue"),
    "store.resumed": (
        "Gelukt. Uw bewaarde antwoorden staan nu in dit venster.",
        "Done. Your saved answers are now in this window."),
    "store.relink": (
        "Wilt u dat deze browser de antwoorden ook na het verversen onthoudt? Klik dan binnen "
        "een minuut op de knop hieronder, of ververs deze pagina.",
        "Do you want this browser to remember the answers after a refresh too? Then click "
        "the button below within a minute, or refresh this page."),
    "store.relink_button": ("Deze browser laten onthouden", "Let this browser remember"),
    "store.resumed_no_cookie": (
        "Deze browser bewaart geen cookie. Na het verversen zijn de antwoorden hier weer weg; "
        "gebruik dan de bewaarcode opnieuw.",
        "This browser does not keep a cookie. After a refresh the answers are gone here "
        "again; then use the save code again."),
    "forget.title": ("Vergeet mij", "Forget me"),
    "forget.intro": (
        "Hiermee verwijdert u in één keer alles wat over u is bewaard: uw antwoorden, uw "
        "lijsten, uw eerdere checks en uw bewaarcode. Dit kan niet ongedaan worden gemaakt. "
        "Wat u heeft gedownload, blijft op uw eigen apparaat.",
        "This deletes everything kept about you at once: your answers, your lists, your "
        "earlier checks and your save code. This cannot be undone. What you downloaded stays "
        "on your own device."),
    "forget.confirm": ("Ja, verwijder alles wat over mij is bewaard",
                       "Yes, delete everything kept about me"),
    "forget.button": ("Vergeet mij", "Forget me"),
    "forget.done": (
        "Alles is verwijderd. Wat u in dit venster nog invult, wordt niet meer bewaard. "
        "Opent u de hulp opnieuw, dan begint u met een lege lijst.",
        "Everything has been deleted. What you still fill in in this window is no longer "
        "saved. When you open the tool again, you start with an empty list."),
}

_GRIFFIE: Final[dict[str, tuple[str, str]]] = {
    "griffie.title": ("Voor de griffie", "For the clerk's office (griffie)"),
    "griffie.intro": (
        "Hier houdt de griffie de eigen afspraken van de gemeente bij, en wat de organisatie "
        "heeft geregeld. Iedereen die het advies leest, ziet daarna de afspraken van uw "
        "gemeente.",
        "Here the griffie keeps the municipality's own arrangements up to date, and what the "
        "organisation has arranged. Everyone who reads the advice then sees your "
        "municipality's arrangements."),
    "griffie.lock_h": ("Wijzigen", "Editing"),
    "griffie.locked": (
        "Om te wijzigen vult u uw naam en de pincode van de griffie in. Uw naam komt bij elke "
        "wijziging te staan.",
        "To make changes, enter your name and the griffie's PIN. Your name is recorded with "
        "every change."),
    "griffie.name": ("Uw naam of functie", "Your name or role"),
    "griffie.pin": ("Pincode of wachtwoord", "PIN or password"),
    "griffie.unlock": ("Openen", "Unlock"),
    "griffie.name_needed": ("Vul eerst uw naam of functie in.",
                            "Please enter your name or role first."),
    "griffie.unlocked": (
        "U kunt nu een half uur wijzigen, als {name}.",
        "You can now make changes for half an hour, as {name}."),
    "griffie.lock": ("Sluiten", "Lock"),
    "griffie.no_pin": (
        "Er is nog geen pincode voor de griffie ingesteld, dus wijzigen kan nog niet. De "
        "beheerder van deze hulp stelt de pincode in: met de omgevingsvariabele "
        "VBESTUUR_GRIFFIE_PIN, of met de opdracht hieronder.",
        "No griffie PIN has been set yet, so changes are not possible yet. The operator of "
        "this tool sets the PIN: with the environment variable VBESTUUR_GRIFFIE_PIN, or with "
        "the command below."),
    "history.none": ("Nog geen wijzigingen.", "No changes yet."),
    "history.line": ("{when} · {who} · {item} ({field})", "{when} · {who} · {item} ({field})"),
}

_PROFILE: Final[dict[str, tuple[str, str]]] = {
    "profile.title": ("Gemeenteprofiel", "Municipality profile"),
    "profile.intro": (
        "Dit zijn de onderwerpen die elke gemeente zelf regelt. Staat er nog geen eigen tekst, "
        "dan lezen mensen de landelijke tekst. Vul de tekst in het Nederlands en in het "
        "Engels in.",
        "These are the topics every municipality arranges itself. Where there is no own text "
        "yet, people read the national text. Fill in the text in Dutch and in English."),
    "profile.name": ("Naam van de gemeente", "Name of the municipality"),
    "profile.unnamed": ("Uw gemeente", "Your municipality"),
    "profile.national": ("Landelijke tekst (nog geen eigen tekst):",
                         "National text (no own text yet):"),
    "profile.own": ("Eigen tekst van de gemeente:", "The municipality's own text:"),
    "profile.text_nl": ("Tekst in het Nederlands", "Text in Dutch"),
    "profile.text_en": ("Tekst in het Engels", "Text in English"),
    "profile.save": ("Opslaan", "Save"),
    "profile.clear": ("Terug naar de landelijke tekst", "Back to the national text"),
    "profile.both": ("Vul de tekst in beide talen in.", "Please fill in the text in both "
                     "languages."),
    "profile.saved": ("Opgeslagen: {term}. Het advies gebruikt deze tekst nu.",
                      "Saved: {term}. The advice now uses this text."),
    "profile.history": ("Wie wijzigde wat ({count})", "Who changed what ({count})"),
}

_ORG: Final[dict[str, tuple[str, str]]] = {
    "org.title": ("Organisatie", "Organisation"),
    "org.locked": (
        "Dit overzicht kan interne afspraken bevatten. Het opent pas na de pincode van de "
        "griffie.",
        "This overview may contain internal arrangements. It only opens after the griffie's "
        "PIN."),
    "org.overview": ("Stand per fase", "State per phase"),
    "org.axis": ("aantal stappen", "number of steps"),
    "org.open": ("open", "open"),
    "org.deels": ("deels geregeld", "partly arranged"),
    "org.geregeld": ("geregeld", "arranged"),
    "org.nvt": ("n.v.t.", "n/a"),
    "org.overdue": ("Over de datum ({count})", "Overdue ({count})"),
    "org.overdue_none": ("Niets is over de datum.", "Nothing is overdue."),
    "org.overdue_line": ("Stap {step}: {title}. Klaar op {due}, eigenaar: {owner}",
                         "Step {step}: {title}. Due {due}, owner: {owner}"),
    "org.no_owner": ("nog niemand", "nobody yet"),
    "org.downloads": ("Downloaden en herinneringen", "Downloads and reminders"),
    "org.steps": ("Alle stappen voor de organisatie", "All steps for the organisation"),
    "org.summary": ("Status: **{status}** · eigenaar: {owner} · klaar op: {due}",
                    "Status: **{status}** · owner: {owner} · due: {due}"),
    "org.status": ("Status", "Status"),
    "org.owner": ("Eigenaar", "Owner"),
    "org.due": ("Klaar op", "Due date"),
    "org.note": ("Notitie", "Note"),
    "org.save": ("Opslaan", "Save"),
    "org.saved": ("Stap {step} is opgeslagen.", "Step {step} has been saved."),
    "org.flow.synced": (
        "Uw antwoorden staan ook in het overzicht van de griffie, bewaard onder uw naam.",
        "Your answers are also in the griffie's overview, kept under your name."),
    "org.flow.personal": (
        "Deze antwoorden zijn alleen van u. Ze komen in het overzicht van de griffie als u "
        "eerst de griffiepagina met de pincode ontgrendelt.",
        "These answers are yours only. They go into the griffie's overview if you first "
        "unlock the griffie page with the PIN."),
    "org.history": ("Wie wijzigde wat", "Who changed what"),
    "org.history_line": ("{when} · {who} · {field}: {old} → {new}",
                         "{when} · {who} · {field}: {old} → {new}"),
    "org.field_status": ("status", "status"),
    "org.field_owner": ("eigenaar", "owner"),
    "org.field_due": ("klaar op", "due date"),
    "org.field_note": ("notitie", "note"),
}

_READINESS: Final[dict[str, tuple[str, str]]] = {
    "readiness.first": (
        "Deze check is bewaard. Doet u hem later opnieuw, dan ziet u hier wat er is veranderd.",
        "This check has been saved. If you do it again later, you will see here what has "
        "changed."),
    "readiness.since": ("Sinds uw vorige check op {date}:", "Since your previous check on "
                        "{date}:"),
    "readiness.line": ("{phase}: {then}% → {now}% ({diff})",
                       "{phase}: {then}% → {now}% ({diff})"),
}

_ERRORS: Final = {
    # storage problems, by the store's error code (looked up in vbestuur_app/messages.py)
    "err.store": ("Er ging iets mis bij het bewaren van uw gegevens.",
                  "Something went wrong while storing your data."),
    "err.unknown_token": (
        "Uw eerder bewaarde antwoorden zijn niet gevonden. Misschien zijn ze verwijderd of "
        "verlopen. U kunt opnieuw beginnen.",
        "Your previously saved answers were not found. They may have been deleted or have "
        "expired. You can start again."),
    "err.malformed_code": (
        "Dit is geen geldige bewaarcode. Een bewaarcode bestaat uit 7 groepjes van 4 letters "
        "en cijfers, bijvoorbeeld ABCD-EFGH-… Controleer of u de code volledig hebt overgenomen.",
        "This is not a valid save code. A save code consists of 7 groups of 4 letters and "
        "digits, for example ABCD-EFGH-… Check that you copied the whole code."),
    "err.unknown_code": (
        "Deze bewaarcode is niet (meer) bekend. Misschien is er een nieuwere code gemaakt, of "
        "zijn de gegevens verwijderd of verlopen.",
        "This save code is not (or no longer) known. A newer code may have been made, or the "
        "data may have been deleted or have expired."),
    "err.wrong_pin": ("De pincode of het wachtwoord is onjuist.",
                      "The PIN or password is incorrect."),
    "err.locked": ("Te veel onjuiste pogingen. Probeer het over {seconds} seconden opnieuw.",
                   "Too many incorrect attempts. Try again in {seconds} seconds."),
    "err.pin_not_configured": (
        "Er is nog geen pincode voor de griffie ingesteld. Vraag de beheerder om die in te "
        "stellen (VBESTUUR_GRIFFIE_PIN of 'python -m vbestuur_store set-pin').",
        "No griffie PIN has been set yet. Ask the operator to set one "
        "(VBESTUUR_GRIFFIE_PIN or 'python -m vbestuur_store set-pin')."),
    "err.weak_pin": ("Kies een pincode of wachtwoord van {min_length} tot {max_length} tekens.",
                     "Choose a PIN or password of {min_length} to {max_length} characters."),
    "err.invalid_value": ("De waarde voor ‘{field}’ is niet geldig.",
                          "The value for ‘{field}’ is not valid."),
    "err.stale_item": (
        "Iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de nieuwe stand en "
        "voer uw wijziging opnieuw in.",
        "Someone else changed this item in the meantime. Look at the new state and enter your "
        "change again."),
    "err.malformed_room": (
        "Dit is geen geldige workshopcode. Een workshopcode heeft 6 tekens, letters en "
        "cijfers, bijvoorbeeld K7QM3X. Kijk nog eens naar het scherm.",
        "This is not a valid workshop code. A workshop code has 6 characters, letters and "
        "digits, for example K7QM3X. Please look at the screen again."),
    "err.unknown_room": (
        "Er is geen workshop met deze code. Controleer de code op het scherm. Misschien is "
        "de workshop al verwijderd.",
        "There is no workshop with this code. Check the code on the screen. The workshop "
        "may already have been deleted."),
    "err.room_expired": ("Deze workshop is verlopen. U kunt niet meer meedoen.",
                         "This workshop has expired. You can no longer take part."),
    "err.workshop_ended": (
        "Deze workshop is afgelopen. U kunt geen antwoorden meer geven of wijzigen.",
        "This workshop has ended. You can no longer give or change answers."),
    "err.poll_closed": (
        "De begeleider is naar een andere stap gegaan. Uw antwoord op deze stap is niet "
        "bewaard. Beantwoord de vraag bij de stap die nu op het scherm staat.",
        "The facilitator has moved to another step. Your answer to this step was not "
        "saved. Please answer the question for the step that is on the screen now."),
    "err.not_joined": (
        "U doet niet (meer) mee aan deze workshop. Vul de workshopcode opnieuw in.",
        "You are not (or no longer) taking part in this workshop. Enter the workshop code "
        "again."),
}

STRINGS: Final[dict[str, tuple[str, str]]] = {
    **_NAV, **_RESUME, **_GRIFFIE, **_PROFILE, **_ORG, **_READINESS, **_ERRORS}
