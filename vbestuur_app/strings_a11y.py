"""Words of the accessibility features: the page titles, the footer link and the
toegankelijkheidsverklaring. (nl, en) pairs, like every catalogue; Dutch at B1 with "u"."""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "page.title": ("{page} · Veilig Bestuur", "{page} · Veilig Bestuur"),
    "nav.a11y": ("Toegankelijkheid", "Accessibility"),
    "a11y.footer": ("Toegankelijkheidsverklaring", "Accessibility statement"),
    "a11y.pick": ("Kies een of meer", "Choose one or more"),
    "a11y.title": ("Toegankelijkheidsverklaring", "Accessibility statement"),
    "a11y.intro": (
        "Deze app moet voor iedereen werken: met een muis, met alleen een toetsenbord, met "
        "een schermlezer en met grote letters. De norm is WCAG 2.1 op niveau A en AA "
        "(EN 301 549), zoals de wet voor overheden vraagt.",
        "This app should work for everyone: with a mouse, with a keyboard only, with a "
        "screen reader and with large text. The standard is WCAG 2.1 at levels A and AA "
        "(EN 301 549), as the law asks of public bodies."),
    "a11y.status_h": ("Status bij uw gemeente", "Status at your municipality"),
    "a11y.status_set": (
        "De gemeente die deze app aanbiedt, heeft de status in haar eigen verklaring gezet:",
        "The municipality that offers this app has set the status in its own statement:"),
    "a11y.status_link": ("Toegankelijkheidsverklaring van de gemeente",
                         "The municipality's accessibility statement"),
    "a11y.status_unset": (
        "De gemeente die deze app aanbiedt, stelt zelf de status vast en zet haar verklaring "
        "in het register van DigiToegankelijk. Zij maakt die hier zichtbaar met de instelling "
        "VBESTUUR_ACCESSIBILITY_URL. Bij deze installatie is dat nog niet gedaan.",
        "The municipality that offers this app sets the status itself and publishes its "
        "statement in the DigiToegankelijk register. It shows it here with the setting "
        "VBESTUUR_ACCESSIBILITY_URL. This installation has not done that yet."),
    "a11y.measured_h": ("Wat het project heeft gemeten", "What the project has measured"),
    "a11y.measured": (
        "Het project test elke versie met axe-core en pa11y. Dat gebeurt in het Nederlands en "
        "het Engels, op een computerscherm en een telefoonscherm. Een test vindt niet elk "
        "probleem. Voor een volledige status is ook een onderzoek door een deskundige nodig.",
        "The project tests every version with axe-core and pa11y, in Dutch and English, on a "
        "desktop screen and a phone screen. A test does not find every problem; a full status "
        "also needs an audit by an expert."),
    "a11y.results_none": ("Er zijn nog geen meetresultaten bij deze versie.",
                          "This version has no measured results yet."),
    "a11y.limits_h": ("Wat nog niet goed is", "Known limitations"),
    "a11y.limits": (
        "- Een paar teksten van het onderdeel waarop de app is gebouwd (Streamlit) zijn altijd "
        "Engels, ook op een Nederlandse pagina. Voorbeelden: „Skip to main content”, „Expand "
        "sidebar”, „Main menu”, „Select all”, „Press Ctrl+Enter to submit form” de aanwijzing "
        "voor de datum in een datumveld en de namen van maanden en dagen in de kalender.\n"
        "- De stroomkaart is een plaatje. Dezelfde stappen staan eronder als tekst.\n"
        "- De PDF-downloads zijn nog niet getagd (PDF/UA). Dezelfde tekst staat in de "
        "download als Markdown-tekst.",
        "- A few texts of the framework the app is built on (Streamlit) are always English. "
        "Examples: “Skip to main content”, “Expand sidebar”, “Main menu”, “Select all”, "
        "“Press Ctrl+Enter to submit form”, the date hint in a date field and the month and "
        "day names in its calendar.\n"
        "- The flow map is a picture. The same steps are below it as text.\n"
        "- The PDF downloads are not tagged yet (PDF/UA). The same text is in the Markdown "
        "download."),
    "a11y.report_h": ("Een probleem melden", "Report a problem"),
    "a11y.report": (
        "Kunt u iets niet gebruiken? Meld het bij de gemeente die deze app aanbiedt. Zij "
        "zoekt dan met u naar een oplossing.",
        "Is there something you cannot use? Tell the municipality that offers this app. It "
        "will look for a solution with you."),
    "a11y.result_line": (
        "Gemeten op {date}: {runs} metingen met {tool} op {states} schermen "
        "(Nederlands en Engels, computer en telefoon). Gevonden problemen: {violations}.",
        "Measured on {date}: {runs} checks with {tool} on {states} screens "
        "(Dutch and English, desktop and phone). Problems found: {violations}."),
}
