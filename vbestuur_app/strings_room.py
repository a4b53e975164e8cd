"""The app's words for the workshop in a real room (issue 13), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE` like strings_workshop.py: one device is one
participant, the figures appear when the facilitator reveals them, the join address must be
reachable from the phones.
"""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "err.room_full": (
        "Deze workshop is vol: het grootste aantal deelnemers is bereikt. Vraag de begeleider "
        "om hulp.",
        "This workshop is full: the maximum number of participants has been reached. Ask the "
        "facilitator for help."),
    "err.reveal_too_few": (
        "Nog te weinig antwoorden: {respondents} van minimaal {needed}. De uitslag kan pas "
        "getoond worden als genoeg mensen hebben geantwoord.",
        "Too few answers yet: {respondents} of at least {needed}. The result can only be "
        "shown once enough people have answered."),
    "err.poll_revealed": (
        "De uitslag van deze stap staat al op het scherm. Antwoorden kan niet meer.",
        "The result of this step is already on the screen. You can no longer answer."),
    "ws.join.no_device": (
        "Meedoen lukt alleen als deze browser cookies van deze site toestaat. Zet cookies "
        "aan en laad de pagina opnieuw.",
        "You can only join if this browser allows cookies from this site. Turn cookies on "
        "and reload the page."),
    "ws.join.same_device": (
        "U doet mee met dit apparaat. Herladen of een tweede tabblad telt niet als een "
        "nieuwe deelnemer; uw antwoord blijft staan.",
        "You take part with this device. Reloading or a second tab does not count as a new "
        "participant; your answer stays."),
    "ws.join.leave_note": (
        "Doet u niet meer mee? Sluit dan gewoon deze pagina. Uw antwoorden blijven anoniem.",
        "Done? Simply close this page. Your answers stay anonymous."),
    "ws.vote.closed": (
        "De uitslag van deze stap staat op het scherm. Wacht op de volgende stap.",
        "The result of this step is on the screen. Please wait for the next step."),
    "ws.screen.reveal": ("Toon de uitslag", "Show the result"),
    "ws.screen.hidden": (
        "{respondents} antwoorden. De begeleider toont de uitslag als iedereen heeft "
        "geantwoord.",
        "{respondents} answers. The facilitator shows the result once everyone has answered."),
    "ws.screen.verdict": ("Oordeel van de zaal: {verdict}", "The room's verdict: {verdict}"),
    "ws.screen.distribution": (
        "Ja {ja} · Deels {deels} · Nee {nee} · Weet ik niet {weet} (van {n})",
        "Yes {ja} · Partly {deels} · No {nee} · Don't know {weet} (of {n})"),
    "ws.new.max": ("Hoogstens zoveel deelnemers (0 = geen grens)",
                   "At most this many participants (0 = no limit)"),
    "ws.new.max_help": (
        "Eén apparaat is één deelnemer. Met een grens kan niemand de zaal ‘vullen’ met "
        "extra browsers.",
        "One device is one participant. With a limit nobody can ‘fill’ the room with extra "
        "browsers."),
    "ws.screen.full": ("{count} van hoogstens {most} deelnemers",
                       "{count} of at most {most} participants"),
    "ws.loopback.title": ("Telefoons kunnen dit adres niet bereiken",
                          "Phones cannot reach this address"),
    "ws.loopback.body": (
        "De app draait alleen op deze computer ({url}). Stop de app en start hem opnieuw "
        "met `make run HOST=0.0.0.0`, of stel VBESTUUR_PUBLIC_URL in op het adres dat de "
        "zaal kan bereiken.",
        "The app only runs on this computer ({url}). Stop the app and start it again with "
        "`make run HOST=0.0.0.0`, or set VBESTUUR_PUBLIC_URL to the address the room can "
        "reach."),
    "ws.loopback.lan": ("Adressen van deze computer in het netwerk: {addresses}",
                        "This computer's addresses on the network: {addresses}"),
    "ws.loopback.none": ("Deze computer heeft geen netwerkadres gevonden.",
                         "This computer found no network address."),
    "ws.screen.qr_alt": ("QR-code: open {url} op uw telefoon om mee te doen",
                         "QR code: open {url} on your phone to join"),
}
