"""The app's own words in Dutch and English, and `t(key)` to fetch them.

Why a catalogue in code: content (questions, advice, steps) carries its own `nl`/`en` texts;
only the app's frame (buttons, headings, notices) lives here. Each key holds both languages
side by side, so a translation cannot be forgotten, and a test checks that every key has both
and that both use the same `{placeholders}`. Dutch is written at B1 level and uses "u".
"""

from __future__ import annotations

from typing import Final

from . import (
    session,
    strings_a11y,
    strings_netwerk,
    strings_result,
    strings_room,
    strings_staff,
    strings_store,
    strings_workshop,
)
from .session import DEFAULT_LANG, LANGS

__all__ = ["CATALOGUE", "DEFAULT_LANG", "LANGS", "current_lang", "t"]

_FRAME: Final[dict[str, tuple[str, str]]] = {
    # frame
    "app.title": ("Veilig Bestuur", "Veilig Bestuur (Safe Governance)"),
    "danger": ("**Bent u nu in gevaar? Bel [112](tel:112).**",
               "**Are you in danger now? Call [112](tel:112).**"),
    "lang.label": ("Taal · Language", "Language · Taal"),
    "local.label": ("Uw gemeente", "Your municipality"),
    "local.none": ("Geen (landelijke tekst)", "None (national text)"),
    "local.help": ("Kies uw gemeente om haar eigen afspraken in het advies te zien.",
                   "Choose your municipality to see its own arrangements in the advice."),
    "nav.home": ("Start", "Start"),
    "nav.conversation": ("Gesprek", "Conversation"),
    "nav.map": ("Stroomkaarten", "Flow maps"),
    "nav.about": ("Over en privacy", "About and privacy"),
    "nav.invalid": ("Inhoud klopt niet", "Content error"),
    "nav.section.you": ("Voor u", "For you"),
    "nav.section.griffie": ("Griffie", "Clerk's office"),
    "nav.section.workshop": ("Workshop", "Workshop"),
    "nav.section.about": ("Over", "About"),
    # home
    "home.intro": (
        "Deze hulp zet de Leidraad Veilig Bestuur om in een kort gesprek. U beantwoordt een "
        "paar vragen. Daarna krijgt u advies, met de stappen uit de leidraad, en een lijst van "
        "wat u nog kunt doen.",
        "This tool turns the Leidraad Veilig Bestuur (safe governance guideline) into a short "
        "conversation. You answer a few questions. Then you get advice, with the steps from the "
        "guideline, and a list of what you can still do."),
    "home.privacy": (
        "Uw antwoorden worden bewaard onder een willekeurige sleutel, zonder naam. Er gaat "
        "niets naar andere websites.",
        "Your answers are kept under a random key, without a name. Nothing is sent to other "
        "websites."),
    "home.disclaimer": (
        "Deze hulp vervangt de politie (112) en juridisch advies niet.",
        "This tool does not replace the police (112) or legal advice."),
    "door.incident": ("Er is iets gebeurd", "Something has happened"),
    "door.incident.help": ("Wat u nu kunt doen, stap voor stap.",
                           "What you can do now, step by step."),
    "door.vraag": ("Ik heb een vraag", "I have a question"),
    "door.vraag.help": ("Kies de vraag die het best past.",
                        "Choose the question that fits best."),
    "door.gereedheid": ("Hoe goed ben ik voorbereid?", "How well am I prepared?"),
    "door.gereedheid.help": ("Een korte check van wat u al geregeld heeft.",
                             "A short check of what you have already arranged."),
    "door.organisatie": ("Voor griffie en organisatie", "For the clerk's office and organisation"),
    "door.organisatie.help": ("Wat de gemeente als organisatie regelt.",
                              "What the municipality arranges as an organisation."),
    "door.start": ("Begin", "Start"),
    "door.missing": ("Dit deel is nog niet beschikbaar.", "This part is not available yet."),
    "door.resume": ("U was hier al mee bezig. Uw antwoorden staan er nog.",
                    "You already started this. Your answers are still there."),
    # conversation
    "conv.none": ("Kies eerst op de startpagina waar u hulp bij wilt.",
                  "First choose on the start page what you need help with."),
    "conv.stale": ("De vragen zijn intussen veranderd. Begin dit gesprek opnieuw.",
                   "The questions have changed in the meantime. Please start again."),
    "conv.to_home": ("Naar de startpagina", "To the start page"),
    "ask.next": ("Volgende", "Next"),
    "ask.back": ("Vorige vraag", "Previous question"),
    "ask.review": ("Mijn antwoorden", "My answers"),
    "ask.choose": ("Kies eerst een antwoord.", "Please choose an answer first."),
    "ask.multi_hint": ("Kies alles wat past.", "Choose everything that applies."),
    "ask.progress": ("Vraag {number}", "Question {number}"),
    "ask.left_one": ("daarna nog ongeveer {count} vraag", "about {count} more question after this"),
    "ask.left_many": ("daarna nog ongeveer {count} vragen",
                      "about {count} more questions after this"),
    "ask.left_range": ("daarna nog {low} tot {high} vragen",
                       "{low} to {high} more questions after this"),
    "ask.left_maybe_one": ("daarna misschien nog 1 vraag", "maybe 1 more question after this"),
    "ask.left_maybe": ("daarna misschien nog {count} vragen",
                       "maybe {count} more questions after this"),
    "ask.left_none": ("dit is de laatste vraag", "this is the last question"),
    "ask.now_heading": ("Doe dit nu", "Do this now"),
    "ask.so_far": ("Advies tot nu toe", "Advice so far"),
    "ask.dropped": ("{count} eerder antwoord hoort niet meer bij uw route en is weggehaald.",
                    "{count} earlier answer no longer fits your route and was removed."),
    # review
    "review.title": ("Uw antwoorden", "Your answers"),
    "review.intro": ("U kunt elk antwoord wijzigen. Antwoorden die daarna niet meer passen, "
                     "vallen weg. De rest blijft staan.",
                     "You can change any answer. Answers that no longer fit are removed. "
                     "The rest stays."),
    "review.empty": ("U heeft nog geen vragen beantwoord.",
                     "You have not answered any questions yet."),
    "review.change": ("Wijzig", "Change"),
    "review.save": ("Opslaan", "Save"),
    "review.cancel": ("Annuleren", "Cancel"),
    "review.continue": ("Verder met de vragen", "Continue with the questions"),
    "review.to_result": ("Naar het advies", "To the advice"),
    "review.editing": ("Wijzig uw antwoord", "Change your answer"),
    # result
    "result.advice": ("Wat u kunt doen", "What you can do"),
    "result.no_advice": ("Er is geen apart advies. Bekijk de checklist hieronder.",
                         "There is no separate advice. See the checklist below."),
    "result.urgency.now": ("Nu", "Now"),
    "result.urgency.today": ("Vandaag", "Today"),
    "result.urgency.soon": ("Binnenkort", "Soon"),
    "result.urgency.plan": ("Plannen", "Plan"),
    "result.step": ("Stap {number}: {title}", "Step {number}: {title}"),
    "result.steps_cited": ("Uit de leidraad", "From the guideline"),
    "result.guideline": ("Wat de leidraad zegt", "What the guideline says"),
    "result.actions": ("Wat u kunt doen", "What you can do"),
    "result.why": ("Waarom dit advies?", "Why this advice?"),
    "result.why_none": ("Dit advies geldt voor iedereen op deze route.",
                        "This advice applies to everyone on this route."),
    "result.facts": ("Feiten en bronnen", "Facts and sources"),
    "result.source": ("Bron: {title}", "Source: {title}"),
    "result.checked": ("Gecontroleerd op {date}.", "Checked on {date}."),
    "result.uncertain": ("Niet helemaal zeker: controleer dit zelf.",
                         "Not entirely certain: please check this yourself."),
    "result.checklist": ("Checklist: wat nog open staat", "Checklist: what is still open"),
    "result.checklist_none": ("Alle stappen zijn gedaan of gelden niet voor u.",
                              "All steps are done or do not apply to you."),
    "result.closed": ("Gedaan of niet van toepassing ({count})",
                      "Done or not applicable ({count})"),
    "result.partial": ("deels gedaan", "partly done"),
    "result.done": ("gedaan", "done"),
    "result.na": ("niet van toepassing", "not applicable"),
    "result.readiness": ("Hoe ver bent u per fase?", "How far along are you per phase?"),
    "result.readiness_axis": ("Klaar (%)", "Ready (%)"),
    "result.readiness_text": ("{phase}: {percent}% klaar ({done} gedaan, {partial} deels, "
                              "{open} open)",
                              "{phase}: {percent}% ready ({done} done, {partial} partly, "
                              "{open} open)"),
    "result.downloads": ("Bewaar of print uw advies", "Save or print your advice"),
    "result.downloads_note": ("Het bestand wordt op deze computer gemaakt.",
                              "The file is made on this computer."),
    "result.pdf": ("PDF (om te printen)", "PDF (to print)"),
    "result.md": ("Tekst (Markdown)", "Text (Markdown)"),
    "result.csv": ("CSV (standaard)", "CSV (standard)"),
    "result.csv_nl": ("CSV voor Excel (Nederlands)", "CSV for Excel (Dutch)"),
    "result.ics": ("Herinneringen (agenda)", "Reminders (calendar)"),
    "result.ics_eval": ("Datum jaarlijkse evaluatie (stap 20)",
                        "Date of the yearly evaluation (step 20)"),
    "result.ics_term": ("Start nieuwe bestuursperiode (stap 21, mag leeg)",
                        "Start of the new term (step 21, optional)"),
    "result.restart": ("Opnieuw beginnen", "Start again"),
    "result.review": ("Antwoorden bekijken of wijzigen", "Review or change answers"),
    "result.other": ("Andere vraag kiezen", "Choose another question"),
    "phase.vooraf": ("Vooraf: voorbereiden", "Beforehand: prepare"),
    "phase.tijdens": ("Tijdens een incident", "During an incident"),
    "phase.erna": ("Na een incident", "After an incident"),
    # flow map
    "map.title": ("Stroomkaarten", "Flow maps"),
    "map.intro": ("Voor begeleiders en controleurs: alle vragen en routes van een gesprek.",
                  "For facilitators and reviewers: all questions and routes of a conversation."),
    "map.choose": ("Kies een gesprek", "Choose a conversation"),
    "map.graph": ("Kaart", "Map"),
    "map.mermaid": ("Mermaid-tekst (om te plakken in een editor)",
                    "Mermaid text (to paste into an editor)"),
    "map.kind.question": ("vraag", "question"),
    "map.kind.info": ("informatie", "information"),
    "map.kind.outcome": ("uitkomst", "outcome"),
    # about
    "about.title": ("Over deze hulp en uw privacy", "About this tool and your privacy"),
    "about.stored_h": ("Wat wordt er bewaard?", "What is stored?"),
    "about.stored": (
        "Alleen uw antwoorden, en wat u zelf invult, zoals een netwerklijst. Er is geen "
        "account en er wordt niet naar uw naam gevraagd. Er gaat niets naar andere websites. "
        "Wat u downloadt, staat daarna op uw eigen computer.",
        "Only your answers, and what you fill in yourself, such as a network list. There is no "
        "account and you are not asked for your name. Nothing is sent to other websites. What "
        "you download is then on your own computer."),
    "about.guideline_h": ("De leidraad", "The guideline"),
    "about.guideline": (
        "Deze hulp volgt de Leidraad Veilig Bestuur. Die is gemaakt door het Nederlands "
        "Genootschap van Burgemeesters (NGB) en het programma Veilige Publieke Taak van het "
        "ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK), samen met partners. "
        "De leidraad heeft 21 stappen: vooraf, tijdens en na een incident. Elk advies noemt de "
        "stappen waar het op steunt.",
        "This tool follows the Leidraad Veilig Bestuur (safe governance guideline). It was made "
        "by the Nederlands Genootschap van Burgemeesters (NGB, the Dutch association of mayors) "
        "and the Veilige Publieke Taak (safe public task) programme of the Ministry of the "
        "Interior and Kingdom Relations (BZK), together with partners. The guideline has 21 "
        "steps: before, during and after an incident. Every advice names the steps it rests on."),
    "about.limits": (
        "Deze hulp geeft informatie, geen juridisch advies, en vervangt de politie niet. "
        "Bij acuut gevaar: bel 112.",
        "This tool gives information, not legal advice, and does not replace the police. "
        "In acute danger: call 112."),
    "about.facts_h": ("Bronnen van de feiten", "Sources of the facts"),
    "about.facts": ("Naast de leidraad gebruikt het advies deze feiten. Feiten met "
                    "zekerheid M zijn niet helemaal zeker.",
                    "Besides the guideline, the advice uses these facts. Facts with "
                    "confidence M are not entirely certain."),
    "about.facts_list": ("Alle {count} feiten met hun bron", "All {count} facts with their source"),
    "about.col_source": ("Bron", "Source"),
    "about.col_checked": ("Gecontroleerd", "Checked"),
    "about.col_confidence": ("Zekerheid", "Confidence"),
    "about.version_h": ("Versie van de inhoud", "Content version"),
    "about.version": ("App {app} · inhoud {content} ({files} bestanden)",
                      "App {app} · content {content} ({files} files)"),
    # invalid content
    "invalid.title": ("De inhoud van deze hulp klopt niet",
                      "The content of this tool is not valid"),
    "invalid.intro": (
        "De vragen en adviezen konden niet worden geladen. Daarom toont de hulp nu geen advies. "
        "Hieronder staat per probleem het bestand, de regel en de kolom.",
        "The questions and advice could not be loaded, so the tool shows no advice now. Below "
        "is the file, line and column of each problem."),
    "invalid.count": ("{count} probleem of problemen gevonden.", "{count} problem(s) found."),
    "invalid.fix": ("Voor beheerders: los de problemen op en controleer met `vbestuur check`.",
                    "For maintainers: fix the problems and check with `vbestuur check`."),
}


def _catalogue() -> dict[str, tuple[str, str]]:
    """The frame's words plus each feature's own words (one module per feature, so features
    can be built side by side without editing one shared file); a key may be defined once."""
    merged = dict(_FRAME)
    for module in (strings_store, strings_workshop, strings_netwerk, strings_room, strings_staff,
                   strings_a11y, strings_result):
        clash = set(merged) & set(module.STRINGS)
        if clash:
            raise KeyError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(module.STRINGS)
    return merged


CATALOGUE: Final[dict[str, tuple[str, str]]] = _catalogue()


def current_lang() -> str:
    """The language of this session; Dutch unless the person chose English."""
    return session.lang()


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The text for `key` in `lang` (default: this session's language), formatted with `fmt`.

    A missing key is a programming error and raises `KeyError`; the i18n test catches it
    before a person ever could.
    """
    nl, en = CATALOGUE[key]
    text = en if (lang or current_lang()) == "en" else nl
    return text.format(**fmt) if fmt else text
