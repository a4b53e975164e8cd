"""The words of staff sign-in (griffie, coordinator, facilitator, operator): Dutch, English."""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "staff.intro": (
        "Om te wijzigen meldt u zich aan met uw eigen naam en wachtwoord. Uw naam komt bij "
        "elke wijziging te staan.",
        "To make changes, sign in with your own name and passphrase. Your name is recorded "
        "with every change."),
    "staff.name": ("Gebruikersnaam", "User name"),
    "staff.passphrase": ("Wachtwoord", "Passphrase"),
    "staff.sign_in": ("Aanmelden", "Sign in"),
    "staff.sign_out": ("Afmelden", "Sign out"),
    "staff.wrong": ("De naam of het wachtwoord is onjuist.",
                    "The name or the passphrase is not right."),
    "staff.throttled": (
        "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.",
        "Too many attempts from here. Please try again in {seconds} seconds."),
    "staff.signed_in": ("U bent aangemeld als {name}, voor een half uur.",
                        "You are signed in as {name}, for half an hour."),
    "staff.no_role": (
        "U bent aangemeld als {name}, maar uw account heeft geen rol voor de griffie. De "
        "beheerder kan de rol griffie of coordinator toevoegen.",
        "You are signed in as {name}, but your account has no role for the griffie. The "
        "operator can add the role griffie or coordinator."),
    "staff.operator_help": (
        "Nog geen account? De beheerder van deze hulp maakt er een aan met de opdracht "
        "hieronder.",
        "No account yet? The operator of this tool creates one with the command below."),
    "staff.oidc": ("Aanmelden via de gemeente", "Sign in through the municipality"),
    "staff.fac_needed": (
        "Workshops begeleiden kan na aanmelden met een account met de rol facilitator.",
        "Facilitating workshops is possible after signing in with an account with the role "
        "facilitator."),
    "nw.kept": ("Uw wijziging staat in dit venster, maar is niet bewaard.",
                "Your change is in this window, but it has not been saved."),
    "ws.login.refused": (
        "Deze combinatie van workshopcode en pincode klopt niet.",
        "This combination of workshop code and PIN is not right."),
}
