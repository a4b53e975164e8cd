"""The pattern signal: which incidents possibly name the same perpetrator (issue 16, step 1).

Why exact matching for handles, phones and e-mails: these identify an account or a line; two
equal normalised values are strong evidence, and only equality can be found through the keyed
hashes of the index (no decryption). Normalising is where the care goes:
- handles: case, spaces, a leading "@", zero-width characters and the platform's URL forms
  ("https://x.com/JanV", "instagram.com/janv/", "tiktok.com/@janv") all reduce to "janv". A
  handle matches across platforms: people reuse their handle, and the coordinator decides.
- phones: `phonenumbers`, default region NL, to E.164 ("06 12345678" = "+31612345678").
- e-mails: whitespace and case. Dots and "+tags" in the local part are dropped only for
  Gmail, whose documentation says they do not change the mailbox; elsewhere they may.
Why names are fuzzy, in two stages: people type a name they heard or read, with typos,
another order or without accents. `rapidfuzz`'s token_sort_ratio (order-insensitive) at
NAME_THRESHOLD finds the candidates fast (cdist, in C); a candidate links only when the names
have the same words, each at most one typo apart (`same_words`). The per-word rule is what
keeps "Henk van der Berg" and "Sven van der Berg" apart, which a whole-name ratio cannot
(measured in bench/pattern.py: at 88 without it precision was 0.94, with it 0.96-0.97 at any
threshold from 60 to 90; 70 keeps recall highest without extra false pairs). A one-letter
difference stays ambiguous ("Smit"/"Smits", "Bos"/"Vos"): the coordinator decides. A name of
one word ("Kees") is too weak to link incidents and is not compared.
Grouping is networkx's connected components over these links, minus the pairs the coordinator
rejected (see signals.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import permutations
from urllib.parse import parse_qs, urlsplit

import networkx as nx
import phonenumbers
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

NAME_THRESHOLD = 70.0  # measured in bench/pattern.py (docs/privacy.md has the table)
DEFAULT_REGION = "NL"
MAX_NAME_WORDS = 6  # a longer "name" is a description; it links nothing
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\s]")
_HANDLE_CHARS = re.compile(r"[^\w.]")
_URLISH = re.compile(r"^(https?://)?(www\.|m\.|mobile\.)?[\w-]+(\.[\w-]+)+/", re.IGNORECASE)
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _clean(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def normalise_handle(text: str) -> str:
    """"@JanV", " https://x.com/JanV/?s=1 " and "tiktok.com/@janv" -> "janv" ("" if none)."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if _URLISH.match(raw):
        url = urlsplit(raw if "://" in raw else f"https://{raw}")
        parts = [p for p in url.path.split("/") if p]
        raw = parts[-1] if parts else ""
        if raw.endswith(".php"):  # facebook.com/profile.php?id=123: the id is the handle
            raw = parse_qs(url.query).get("id", [""])[0]
    return _HANDLE_CHARS.sub("", _clean(raw).lstrip("@"))


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """E.164 ("+31612345678"), or "" when it is no valid number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """Lower case without whitespace; Gmail without dots and +tag; "" when not an address."""
    address = _clean(text)
    if not _EMAIL.match(address):
        return ""
    local, domain = address.rsplit("@", 1)
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def normalise_name(text: str) -> str:
    """Without accents, punctuation and case, single spaces: "Ján  de-Vries" -> "jan de vries"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+", " ", plain.casefold()).split()
    return " ".join(w for w in words if not w.isdigit())


def comparable_name(text: str) -> str:
    """The normalised name if it is strong enough to compare (two words or more), else ""."""
    name = normalise_name(text)
    return name if len(name.split()) >= 2 else ""


@dataclass(frozen=True)
class Item:
    """One incident as the grouping sees it: exact keys (kind, value or hash) and a name."""

    incident_id: str
    keys: frozenset[tuple[str, str]]
    name: str = ""


@dataclass(frozen=True)
class Group:
    """Incidents linked to each other, and the kinds of evidence that linked them."""

    members: tuple[str, ...]
    matched_on: tuple[str, ...]


def _exact_links(items: Sequence[Item]) -> Iterable[tuple[str, str, str]]:
    seen: dict[tuple[str, str], str] = {}
    for item in items:
        for key in sorted(item.keys):
            if key in seen and seen[key] != item.incident_id:
                yield seen[key], item.incident_id, key[0]
            seen.setdefault(key, item.incident_id)


def same_words(a: str, b: str) -> bool:
    """Whether two normalised names have the same words, each at most one typo apart (one
    letter added, dropped, changed, or two neighbours swapped), in any order.

    Why per word: a long shared surname ("van der berg") lifts the whole-name ratio of two
    different first names ("henk", "sven") over any threshold; a typo changes one letter."""
    left, right = a.split(), b.split()
    if len(left) != len(right) or len(left) > MAX_NAME_WORDS:
        return False
    return any(all(OSA.distance(x, y) <= 1 for x, y in zip(left, order, strict=True))
               for order in permutations(right))


def _name_links(items: Sequence[Item], threshold: float) -> Iterable[tuple[str, str, str]]:
    named = [i for i in items if i.name]
    if len(named) < 2:
        return
    names = [i.name for i in named]
    scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
    for a, b in zip(*scores.nonzero(), strict=True):
        if a < b and same_words(names[a], names[b]):
            yield named[a].incident_id, named[b].incident_id, "name"


def groups(items: Sequence[Item], threshold: float = NAME_THRESHOLD,
           rejected: Collection[frozenset[str]] = ()) -> list[Group]:
    """The groups of two or more linked incidents; links between a `rejected` pair ignored."""
    graph: nx.MultiGraph[str] = nx.MultiGraph()
    for a, b, kind in (*_exact_links(items), *_name_links(items, threshold)):
        if frozenset((a, b)) not in rejected:
            graph.add_edge(a, b, kind=kind)
    found = []
    for component in nx.connected_components(graph):
        kinds = {d["kind"] for _, _, d in graph.subgraph(component).edges(data=True)}
        found.append(Group(tuple(sorted(component)), tuple(sorted(kinds))))
    return sorted(found, key=lambda g: g.members)
