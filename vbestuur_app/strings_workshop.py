"""The app's words for workshop mode (issue 6), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE`; keys are (nl, en) pairs like the frame's. Dutch is
B1 and uses "u". Participants read these on a phone in a room full of colleagues: the texts
say plainly that nobody sees an individual answer.
"""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {
    # pages
    "ws.nav.facilitator": ("Workshop", "Workshop"),
    "ws.nav.screen": ("Workshopscherm", "Workshop screen"),
    "ws.nav.join": ("Meedoen", "Join"),
    # answers
    "ws.q.geregeld": ("Is dit bij ons geregeld?", "Is this arranged in our municipality?"),
    "ws.q.gedrag": ("Welke van deze vormen van gedrag heeft u het afgelopen jaar meegemaakt?",
                    "Which of these forms of behaviour did you experience in the past year?"),
    "ws.q.gedrag_help": ("Kies alles wat past. Niets meegemaakt? Kies ‘Geen van deze’.",
                         "Choose everything that applies. Nothing? Choose ‘None of these’."),
    "ws.opt.ja": ("Ja", "Yes"),
    "ws.opt.deels": ("Deels", "Partly"),
    "ws.opt.nee": ("Nee", "No"),
    "ws.opt.weet-niet": ("Weet ik niet", "Don't know"),
    "ws.form.uitschelden": ("Uitschelden", "Verbal abuse"),
    "ws.form.beledigen": ("Beledigen", "Insults"),
    "ws.form.bedreiging": ("Persoonlijke bedreiging", "Personal threats"),
    "ws.form.bedreiging-familie": ("Bedreiging van familie", "Threats against family"),
    "ws.form.stalken": ("Stalken", "Stalking"),
    "ws.form.fysieke-agressie": ("Fysieke agressie", "Physical aggression"),
    "ws.form.geen": ("Geen van deze", "None of these"),
    "ws.verdict.ja": ("geregeld", "arranged"),
    "ws.verdict.deels": ("deels geregeld", "partly arranged"),
    "ws.verdict.nee": ("niet geregeld", "not arranged"),
    "ws.verdict.weet-niet": ("onbekend", "unknown"),
    # facilitator
    "ws.fac.title": ("Workshop begeleiden", "Run a workshop"),
    "ws.fac.intro": (
        "In een workshop bespreekt u met college en raad de stappen van de leidraad. De "
        "deelnemers doen mee op hun eigen telefoon, zonder naam en zonder account. Zij zien "
        "nooit wat een ander antwoordt. Een uitslag verschijnt pas als genoeg mensen hebben "
        "geantwoord.",
        "In a workshop you discuss the steps of the guideline with the college and the council. "
        "Participants join on their own phone, without a name and without an account. They "
        "never see what someone else answers. A result only appears once enough people have "
        "answered."),
    "ws.new.title": ("Nieuwe workshop", "New workshop"),
    "ws.new.phases": ("Welke fasen bespreekt u?", "Which phases will you discuss?"),
    "ws.new.steps": ("Of kies losse stappen (leeg: alle stappen van de gekozen fasen)",
                     "Or choose single steps (empty: all steps of the chosen phases)"),
    "ws.new.k": ("Minimaal aantal antwoorden voor een uitslag",
                 "Minimum number of answers before a result is shown"),
    "ws.new.k_help": ("Zo is niemand te herkennen aan zijn antwoord. Het minimum is 3.",
                      "So that nobody can be recognised by their answer. The minimum is 3."),
    "ws.new.pin": ("Kies een pincode voor uzelf (minstens 6 tekens)",
                   "Choose a PIN for yourself (at least 6 characters)"),
    "ws.new.pin2": ("Herhaal de pincode", "Repeat the PIN"),
    "ws.new.pin_mismatch": ("De twee pincodes zijn niet gelijk.", "The two PINs are not the same."),
    "ws.new.no_steps": ("Kies ten minste één fase of stap.", "Choose at least one phase or step."),
    "ws.new.create": ("Workshop maken", "Create workshop"),
    "ws.new.days": ("De workshop en alle antwoorden worden na {days} dagen vanzelf verwijderd.",
                    "The workshop and all answers are deleted automatically after {days} days."),
    "ws.login.title": ("Verder met een workshop", "Continue a workshop"),
    "ws.login.code": ("Workshopcode", "Workshop code"),
    "ws.login.pin": ("Uw pincode", "Your PIN"),
    "ws.login.go": ("Openen", "Open"),
    "ws.console.code": ("Workshopcode: {code}", "Workshop code: {code}"),
    "ws.console.status": ("{participants} deelnemers · stap {step} staat op het scherm · "
                          "verloopt op {date}",
                          "{participants} participants · step {step} is on the screen · "
                          "expires on {date}"),
    "ws.console.ended": ("Deze workshop is afgelopen.", "This workshop has ended."),
    "ws.console.screen": ("Open het scherm voor de beamer", "Open the screen for the projector"),
    "ws.console.end": ("Workshop beëindigen", "End workshop"),
    "ws.console.export": ("Samenvatting", "Summary"),
    "ws.console.export_help": (
        "Per stap: hoe de zaal erover dacht, en welke stappen open of onbekend zijn. Stappen "
        "met te weinig antwoorden staan erin zonder cijfers.",
        "Per step: how the room judged it, and which steps are open or unknown. Steps with too "
        "few answers are listed without figures."),
    "ws.console.md": ("Download samenvatting (Markdown)", "Download summary (Markdown)"),
    "ws.console.pdf": ("Download samenvatting (PDF)", "Download summary (PDF)"),
    "ws.console.propose": ("Open stappen doorgeven aan de griffie",
                           "Hand open steps to the griffie"),
    "ws.console.propose_help": (
        "Stappen van de organisatie die de zaal open of onbekend vond, komen als voorstel in "
        "het overzicht van de griffie. De griffie beslist over de status.",
        "Organisation steps that the room found open or unknown are added as a proposal to the "
        "griffie's overview. The griffie decides on the status."),
    "ws.console.proposed": ("Doorgegeven aan de griffie: stap {steps}.",
                            "Handed to the griffie: step {steps}."),
    "ws.console.proposed_none": ("Er zijn geen stappen om door te geven.",
                                 "There are no steps to hand over."),
    "ws.console.delete_confirm": ("Ja, verwijder deze workshop met alle antwoorden",
                                  "Yes, delete this workshop with all answers"),
    "ws.console.delete": ("Workshop verwijderen", "Delete workshop"),
    "ws.console.deleted": ("De workshop en alle antwoorden zijn verwijderd.",
                           "The workshop and all answers have been deleted."),
    "ws.console.logout": ("Sluiten op dit apparaat", "Close on this device"),
    # presenter view
    "ws.screen.login_first": ("Open eerst een workshop op de pagina ‘Workshop’.",
                              "First open a workshop on the ‘Workshop’ page."),
    "ws.screen.join": ("Doe mee op uw telefoon: {url}", "Join on your phone: {url}"),
    "ws.screen.code": ("Code: {code}", "Code: {code}"),
    "ws.screen.qr": ("QR-code om mee te doen aan workshop {code}",
                     "QR code to join workshop {code}"),
    "ws.screen.step": ("Stap {number}: {title}", "Step {number}: {title}"),
    "ws.screen.position": ("{phase} · stap {index} van {total} in deze workshop",
                           "{phase} · step {index} of {total} in this workshop"),
    "ws.screen.actions": ("Wat de leidraad vraagt", "What the guideline asks"),
    "ws.screen.prompts": ("Om over te praten", "To talk about"),
    "ws.screen.joined": ("{count} deelnemers", "{count} participants"),
    "ws.screen.waiting": ("{respondents} van minimaal {needed} antwoorden. De uitslag "
                          "verschijnt als er genoeg antwoorden zijn.",
                          "{respondents} of at least {needed} answers. The result appears "
                          "once there are enough answers."),
    "ws.screen.answers": ("{respondents} antwoorden", "{respondents} answers"),
    "ws.screen.prev": ("Vorige stap", "Previous step"),
    "ws.screen.next": ("Volgende stap", "Next step"),
    "ws.screen.axis": ("aantal antwoorden", "number of answers"),
    "ws.screen.ended": ("De workshop is afgelopen. Dank u wel!",
                        "The workshop has ended. Thank you!"),
    # participant view
    "ws.join.title": ("Meedoen aan een workshop", "Join a workshop"),
    "ws.join.intro": (
        "U doet mee zonder naam en zonder account. Niemand ziet wat u antwoordt. Op het scherm "
        "komen alleen de totalen van de zaal, en pas als genoeg mensen hebben geantwoord.",
        "You take part without a name and without an account. Nobody sees what you answer. The "
        "screen only shows the totals of the room, and only once enough people have answered."),
    "ws.join.code": ("Workshopcode (staat op het scherm)", "Workshop code (shown on the screen)"),
    "ws.join.go": ("Meedoen", "Join"),
    "ws.join.leave": ("Stoppen met meedoen", "Stop taking part"),
    "ws.vote.send": ("Antwoord versturen", "Send answer"),
    "ws.vote.saved": ("Uw antwoord is bewaard. U kunt het wijzigen zolang deze stap op het "
                      "scherm staat.",
                      "Your answer has been saved. You can change it as long as this step is "
                      "on the screen."),
    "ws.vote.yours": ("Uw antwoord nu: {answer}", "Your answer now: {answer}"),
    "ws.vote.pick": ("Kies eerst een antwoord.", "Please choose an answer first."),
    "ws.vote.none_and_forms": ("Kies ‘Geen van deze’ óf een of meer vormen, niet allebei.",
                               "Choose ‘None of these’ or one or more forms, not both."),
    # summary export
    "ws.export.title": ("Workshop {code}: samenvatting", "Workshop {code}: summary"),
    "ws.export.subtitle": ("Veilig Bestuur · de stappen van de Leidraad Veilig Bestuur",
                           "Veilig Bestuur · the steps of the Leidraad Veilig Bestuur"),
    "ws.export.made": ("Gemaakt op {date}", "Made on {date}"),
    "ws.export.meta": ("{participants} deelnemers. Cijfers alleen bij minstens {k} antwoorden "
                       "per vraag, zodat niemand te herkennen is.",
                       "{participants} participants. Figures only with at least {k} answers "
                       "per question, so that nobody can be recognised."),
    "ws.export.running": ("Let op: de workshop liep nog toen deze samenvatting werd gemaakt.",
                          "Note: the workshop was still running when this summary was made."),
    "ws.export.counts": ("Ja {ja} · Deels {deels} · Nee {nee} · Weet ik niet {weet} "
                         "({n} antwoorden)",
                         "Yes {ja} · Partly {deels} · No {nee} · Don't know {weet} "
                         "({n} answers)"),
    "ws.export.verdict": ("Oordeel van de zaal: {verdict}", "The room's judgement: {verdict}"),
    "ws.export.too_few": ("Te weinig antwoorden ({n}, minimaal {k}): geen cijfers.",
                          "Too few answers ({n}, at least {k}): no figures."),
    "ws.export.gedrag": ("Meegemaakt in het afgelopen jaar ({n} antwoorden): {list}",
                         "Experienced in the past year ({n} answers): {list}"),
    "ws.export.open_h": ("Open volgens de zaal", "Open according to the room"),
    "ws.export.unknown_h": ("Onbekend volgens de zaal", "Unknown according to the room"),
    "ws.export.none": ("Geen.", "None."),
    "ws.export.footer": ("Samenvatting van anonieme antwoorden. Bij acuut gevaar: bel 112.",
                         "Summary of anonymous answers. In acute danger: call 112."),
    "ws.export.page": ("pagina", "page"),
    # the hand-over note written into the griffie's register (vbestuur_app/messages.py)
    "ws.proposal.note": (
        "Voorstel uit workshop {code} ({day}): de zaal vindt deze stap {judged} (ja {ja}, "
        "deels {deels}, nee {nee}, weet ik niet {weet}; {n} antwoorden). De griffie beslist "
        "over de status.",
        "Proposal from workshop {code} ({day}): the room finds this step {judged} (yes {ja}, "
        "partly {deels}, no {nee}, don't know {weet}; {n} answers). The griffie decides on "
        "the status."),
    "ws.proposal.nee": ("niet geregeld", "not arranged"),
    "ws.proposal.deels": ("deels geregeld", "partly arranged"),
    "ws.proposal.weet-niet": ("onbekend", "unknown"),
}
