"""The fixed words of the netwerklijst model: validation messages and the rows' explanations.

Why in the engine and not in the app's catalogue: the model writes these texts into a new list
and names its problems without Streamlit, so tests and exports get the same words as the page.
Dutch is written at B1 level and uses "u"; English follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from .schema import Text

MESSAGES: Final[dict[str, Text]] = {
    "phone": Text(
        nl="Dit lijkt geen geldig telefoonnummer. Schrijf het bijvoorbeeld als 06-12345678, "
           "020-1234567, 0800-7000 of +31 6 12345678.",
        en="This does not look like a valid phone number. Write it for example as "
           "06-12345678, 020-1234567, 0800-7000 or +31 6 12345678."),
    "too_long": Text(
        nl="Dit is te lang: gebruik hoogstens {limit} tekens (nu {length}).",
        en="This is too long: use at most {limit} characters (now {length})."),
    "empty": Text(nl="Vul een naam of een functie in.", en="Fill in a name or a role."),
    "kind": Text(nl="Kies wat voor contact dit is.", en="Choose what kind of contact this is."),
    "full": Text(nl="De lijst is vol: hoogstens {limit} regels. Haal eerst een regel weg.",
                 en="The list is full: at most {limit} rows. Remove a row first."),
}


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field: a message code and its numbers."""

    code: str
    limit: int = 0
    length: int = 0

    def text(self, lang: str) -> str:
        """The message in `lang`, numbers filled in."""
        return MESSAGES[self.code].get(lang).format(limit=self.limit, length=self.length)


GAP: Final = Text(nl="Nog in te vullen —", en="Still to fill in —")
# A stored number that a newer numbering plan no longer accepts: kept in the note, not lost.
UNRECOGNISED: Final = Text(nl="Nummer niet herkend, kijk het na: {phone}.",
                           en="Number not recognised, please check it: {phone}.")

# Municipal rows that are not an open term: whom the term texts tell you to ask.
SPECIAL_ROWS: Final[tuple[tuple[str, Text, Text], ...]] = (
    ("griffie",
     Text(nl="Griffie", en="Griffie (council clerk's office)"),
     Text(nl="hier vraagt u naar de afspraken van uw gemeente over veiligheid. Het nummer "
             "staat op de website van uw gemeente.",
          en="this is where you ask about your municipality's safety arrangements. The number "
             "is on your municipality's website.")),
    ("burgemeester",
     Text(nl="Burgemeester (kabinet)", en="Mayor (mayor's office)"),
     Text(nl="de burgemeester gaat over veiligheid in de gemeente. Vraag de griffie naar het "
             "nummer van het kabinet van de burgemeester.",
          en="the mayor is responsible for safety in the municipality. Ask the griffie for the "
             "number of the mayor's office.")),
)

# Empty rows for the person's own people (step 6): agree their role in advance.
OwnKind = Literal["vertrouwenspersoon", "sparringpartner"]
OWN_ROWS: Final[tuple[tuple[OwnKind, Text, Text], ...]] = (
    ("vertrouwenspersoon",
     Text(nl="Eigen vertrouwenspersoon", en="Your own confidant"),
     Text(nl="Iemand die u vertrouwt en die u belt als er iets gebeurt, bijvoorbeeld een "
             "familielid, partijgenoot of collega elders in het land. Bespreek vooraf met "
             "deze persoon wat u van hem of haar verwacht, zodat de rol helder is.",
          en="Someone you trust and call when something happens, for example a family member, "
             "party colleague or a colleague elsewhere in the country. Discuss in advance what "
             "you expect from this person, so that the role is clear.")),
    ("sparringpartner",
     Text(nl="Sparringpartner", en="Sparring partner"),
     Text(nl="Iemand met wie u overlegt als u niet weet hoe u moet reageren, of als u behoefte "
             "heeft aan een gesprek. Spreek de rol vooraf af, zodat de verwachtingen helder "
             "zijn.",
          en="Someone you consult when you do not know how to respond, or when you need to "
             "talk. Agree on the role in advance, so that expectations are clear.")),
)
