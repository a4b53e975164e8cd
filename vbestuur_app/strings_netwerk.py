"""The app's words for the netwerklijst (issue 7), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE`; keys are (nl, en) pairs like the frame's. The export
builders read the `nw.x.*` keys directly (through `vbestuur_app.netwerk.labels`), so they work
without Streamlit. Dutch is written at B1 level and uses "u".
"""

from __future__ import annotations

from typing import Final

_PAGE: Final[dict[str, tuple[str, str]]] = {
    "nav.netwerk": ("Mijn netwerklijst", "My network list"),
    "nw.title": ("Mijn netwerklijst", "My network list"),
    "nw.intro": (
        "Stap 6 van de leidraad: zorg dat u een actuele lijst heeft met de belangrijkste namen "
        "en telefoonnummers. Deze lijst begint met de landelijke nummers en de afspraken van uw "
        "gemeente. Vul hem aan met uw eigen vertrouwenspersonen en sparringpartners. Spreek hun "
        "rol vooraf met hen af.",
        "Step 6 of the guideline: make sure you have an up-to-date list with the most important "
        "names and phone numbers. This list starts with the national numbers and your "
        "municipality's arrangements. Add your own confidants and sparring partners. Agree "
        "their role with them in advance."),
    "nw.kept_token": ("Uw lijst wordt bewaard onder uw eigen code, net als uw antwoorden.",
                      "Your list is kept under your own code, like your answers."),
    "nw.kept_session": ("Uw lijst blijft alleen in dit browservenster. Download hem voordat u "
                        "het venster sluit.",
                        "Your list stays only in this browser window. Download it before you "
                        "close the window."),
    "nw.done": ("Stap 6 is klaar: uw lijst heeft de landelijke nummers, een contactpersoon bij "
                "de politie en een eigen vertrouwenspersoon.",
                "Step 6 is done: your list has the national numbers, a police contact person "
                "and your own confidant."),
    "nw.open": ("Uw lijst is nog niet compleet. Dit ontbreekt nog:",
                "Your list is not complete yet. Still missing:"),
    "nw.missing.national": ("de landelijke nummers (zet ze terug met de knop onderaan)",
                            "the national numbers (put them back with the button below)"),
    "nw.missing.police": ("een contactpersoon bij de politie, met telefoonnummer",
                          "a police contact person, with phone number"),
    "nw.missing.confidant": ("een eigen vertrouwenspersoon, met naam en telefoonnummer",
                             "your own confidant, with name and phone number"),
    "nw.kind.landelijk": ("Landelijk", "National"),
    "nw.kind.gemeente": ("Gemeente", "Municipality"),
    "nw.kind.vertrouwenspersoon": ("Vertrouwenspersoon", "Confidant"),
    "nw.kind.sparringpartner": ("Sparringpartner", "Sparring partner"),
    "nw.kind.eigen": ("Eigen contact", "Own contact"),
    "nw.gap": ("Telefoonnummer nog in te vullen", "Phone number still to fill in"),
    "nw.no_name": ("naam nog invullen", "name still to fill in"),
    "nw.no_phone": ("nummer nog invullen", "number still to fill in"),
    "nw.source": ("Bron: {source}; gecontroleerd op {checked}",
                  "Source: {source}; checked on {checked}"),
    "nw.edit": ("Wijzigen", "Edit"),
    "nw.remove": ("Weghalen", "Remove"),
    "nw.up": ("Omhoog", "Up"),
    "nw.down": ("Omlaag", "Down"),
    "nw.add": ("Contact toevoegen", "Add a contact"),
    "nw.restore": ("Landelijke en gemeentelijke regels terugzetten",
                   "Put back the national and municipal rows"),
    "nw.removed": ("Weggehaald: {name}", "Removed: {name}"),
    "nw.undo": ("Terugzetten", "Undo"),
    "nw.saved": ("Opgeslagen.", "Saved."),
    "nw.full": ("De lijst is vol: hoogstens {limit} regels. Haal eerst een regel weg.",
                "The list is full: at most {limit} rows. Remove a row first."),
    "nw.form.edit": ("Contact wijzigen", "Edit contact"),
    "nw.form.new": ("Nieuw contact", "New contact"),
    "nw.form.error": ("Niet opgeslagen. Verbeter de velden met een melding; uw invoer staat er "
                      "nog.",
                      "Not saved. Correct the fields with a message; what you typed is still "
                      "there."),
    "nw.field.kind": ("Soort contact", "Kind of contact"),
    "nw.field.name": ("Naam", "Name"),
    "nw.field.role": ("Functie of waarvoor", "Role or what for"),
    "nw.field.phone": ("Telefoonnummer", "Phone number"),
    "nw.field.phone_help": ("Bijvoorbeeld 06-12345678, 020-1234567 of +31 6 12345678.",
                            "For example 06-12345678, 020-1234567 or +31 6 12345678."),
    "nw.field.note": ("Notitie", "Note"),
    "nw.save": ("Opslaan", "Save"),
    "nw.cancel": ("Annuleren", "Cancel"),
    "nw.downloads": ("Op uw telefoon en op papier", "On your phone and on paper"),
    "nw.downloads_note": ("De bestanden worden op deze computer gemaakt. Er gaat niets naar "
                          "buiten.",
                          "The files are made on this computer. Nothing is sent anywhere."),
    "nw.pdf": ("PDF (één pagina)", "PDF (one page)"),
    "nw.vcard": ("Telefoon (vCard)", "Phone (vCard)"),
    "nw.csv": ("CSV (standaard)", "CSV (standard)"),
    "nw.csv_nl": ("CSV voor Excel (Nederlands)", "CSV for Excel (Dutch)"),
    "nw.vcard_help": ("In het vCard-bestand staan alle regels met een telefoonnummer.",
                      "The vCard file holds every row with a phone number."),
    "nw.ics": ("Herinnering in uw agenda", "Reminder in your calendar"),
    "nw.ics_eval": ("Elk jaar de lijst controleren (stap 20), voor het eerst op",
                    "Check the list every year (step 20), first on"),
    "nw.ics_term": ("Begin van een nieuwe termijn (stap 21), als u die datum weet",
                    "Start of a new term (step 21), if you know the date"),
    "nw.link": ("Zet de nummers die u nodig heeft op één lijst: op uw telefoon en op papier.",
                "Put the numbers you need on one list: on your phone and on paper."),
    "nw.link_step6": ("Stap 6 telt pas als klaar als uw netwerklijst compleet is.",
                      "Step 6 only counts as done when your network list is complete."),
}

_EXPORT: Final[dict[str, tuple[str, str]]] = {
    "nw.x.title": ("Mijn netwerklijst", "My network list"),
    "nw.x.subtitle": ("Veilig Bestuur · stap 6 van de Leidraad Veilig Bestuur",
                      "Veilig Bestuur · step 6 of the Leidraad Veilig Bestuur"),
    "nw.x.made": ("Gemaakt op {date}", "Made on {date}"),
    "nw.x.footer": ("Bel 112 bij acuut gevaar. Controleer deze lijst elk jaar en bij een "
                    "nieuwe termijn.",
                    "Call 112 in acute danger. Check this list every year and at a new term."),
    "nw.x.category": ("Netwerklijst Veilig Bestuur", "Veilig Bestuur network list"),
    "nw.x.col_kind": ("soort", "kind"),
    "nw.x.col_name": ("naam", "name"),
    "nw.x.col_role": ("functie of waarvoor", "role or what for"),
    "nw.x.col_phone": ("telefoon", "phone"),
    "nw.x.col_note": ("notitie", "note"),
    "nw.x.col_source": ("bron", "source"),
    "nw.x.col_checked": ("gecontroleerd op", "checked on"),
    "nw.x.calendar": ("Veilig Bestuur: netwerklijst", "Veilig Bestuur: network list"),
    "nw.x.eval_summary": ("Veilig Bestuur: netwerklijst controleren (stap 20)",
                          "Veilig Bestuur: check your network list (step 20)"),
    "nw.x.term_summary": ("Veilig Bestuur: nieuwe termijn, netwerklijst bijwerken (stap 21)",
                          "Veilig Bestuur: new term, update your network list (step 21)"),
    "nw.x.eval_text": (
        "Controleer uw netwerklijst: kloppen de namen en nummers nog? Staan uw eigen "
        "vertrouwenspersonen en sparringpartners erop, en weten zij wat u van hen verwacht?",
        "Check your network list: are the names and numbers still right? Are your own "
        "confidants and sparring partners on it, and do they know what you expect of them?"),
    "nw.x.term_text": (
        "Een nieuwe termijn: vraag bij de griffie de netwerklijst van de gemeente en werk uw "
        "eigen lijst bij. Spreek opnieuw af wie uw vertrouwenspersoon en sparringpartner is.",
        "A new term: ask the griffie for the municipality's network list and update your own "
        "list. Agree again who your confidant and sparring partner are."),
}

STRINGS: Final[dict[str, tuple[str, str]]] = {**_PAGE, **_EXPORT}
