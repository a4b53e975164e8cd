"""Precision and recall of the pattern signal on a generated set (run: python bench/pattern.py).

Why generated: real incident data may never leave a municipality. The set is built from a
seed, so every run (and the test in tests/incidents/test_pattern_quality.py) sees the same
incidents. It has what real registrations have:
- several incidents per perpetrator, from different office holders, each naming a random part
  of what is known (name, handle, phone, e-mail) or nothing;
- variants: case, extra spaces, one typo in a name (a swap, a dropped or a changed letter),
  the name in another order, accents dropped; handles as "@JanV", " janv ", platform URLs;
  phones in national, international and 0031 form; Gmail addresses with dots and +tags;
- false friends: different people with similar names (the same surname with another first
  name, the same first name with a similar surname such as "de Vries" / "de Vos").
It measures pairs: two incidents of the same perpetrator in one signal are a true positive, of
different perpetrators a false positive. It prints a Markdown table per name threshold.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from vbestuur_service.incidents.pattern import (  # noqa: E402
    NAME_THRESHOLD,
    Item,
    comparable_name,
    groups,
    normalise_email,
    normalise_handle,
    normalise_phone,
)

FIRST = ("Jan", "Piet", "Kees", "Henk", "Sanne", "Fatima", "Mohamed", "Anouk", "Thijs",
         "Bram", "Eva", "Daan", "Lotte", "Ahmed", "Ingrid", "Willem", "Joost", "Marieke",
         "Sven", "Noor", "Émile", "Zoë", "Gerrit", "Hatice")
LAST = ("de Vries", "de Vos", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Smits", "van der Berg", "Yılmaz", "El Amrani",
        "Kok", "Jacobs", "van Dijk", "Schouten", "Prins", "Huisman", "Kuipers")
PLATFORMS = ("https://x.com/{}", "x.com/{}", "https://www.instagram.com/{}/",
             "tiktok.com/@{}", "https://www.facebook.com/{}?ref=bookmarks", "@{}", " {} ")


@dataclass(frozen=True)
class Person:
    name: str
    handle: str
    phone: str
    email: str


@dataclass(frozen=True)
class Case:
    """One generated incident: the perpetrator it really is, what the reporter typed."""

    incident_id: str
    person: int
    name: str
    handles: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    i = rng.choice(letters[1:-1])
    kind = rng.choice(("swap", "drop", "change"))
    if kind == "swap" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind == "drop":
        return text[:i] + text[i + 1:]
    return text[:i] + rng.choice("aeiouklmnrst") + text[i + 1:]


def _name_variant(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return _typo(rng, name)
    if roll < 0.4:
        first, _, last = name.partition(" ")
        return f"{last}, {first}"
    if roll < 0.55:
        return "  ".join(name.upper().split())
    if roll < 0.65:
        return name.replace("é", "e").replace("ë", "e").replace("ı", "i").replace("É", "E")
    return name if rng.random() < 0.5 else name.lower()


def _phone_variant(rng: random.Random, mobile: str) -> str:
    rest = mobile[2:]
    return rng.choice((f"06{rest}", f"06-{rest}", f"+31 6 {rest[:4]} {rest[4:]}",
                       f"0031 6{rest}", f"06 {rest[:2]} {rest[2:5]} {rest[5:]}"))


def _email_variant(rng: random.Random, email: str) -> str:
    local, domain = email.split("@")
    if domain == "gmail.com" and rng.random() < 0.5:
        local = f"{local[:2]}.{local[2:]}+{rng.choice(('gemeente', 'x', 'raad'))}"
    return rng.choice((f"{local}@{domain}", f" {local.upper()}@{domain.upper()} "))


def people(rng: random.Random, count: int) -> list[Person]:
    """`count` different perpetrators; names are drawn so that false friends occur."""
    found: list[Person] = []
    names: set[str] = set()
    while len(found) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in names:
            continue
        names.add(name)
        n = len(found)
        handle = f"{comparable_name(name).replace(' ', '')[:10]}{n}"
        found.append(Person(name, handle, f"06{rng.randrange(1, 6)}{rng.randrange(10**6, 10**7)}",
                            f"{handle}@{rng.choice(('gmail.com', 'hotmail.com', 'ziggo.nl'))}"))
    return found


def _case(rng: random.Random, n: int, index: int, p: Person) -> Case:
    known = [k for k in ("name", "handle", "phone", "email") if rng.random() < 0.45]
    return Case(f"i{n:05d}", index, _name_variant(rng, p.name) if "name" in known else "",
                (rng.choice(PLATFORMS).format(rng.choice((p.handle, p.handle.capitalize()))),)
                if "handle" in known else (),
                (_phone_variant(rng, p.phone),) if "phone" in known else (),
                (_email_variant(rng, p.email),) if "email" in known else ())


def generate(seed: int, perpetrators: int) -> list[Case]:
    """1 to 4 incidents per perpetrator, shuffled."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for index, person in enumerate(people(rng, perpetrators)):
        for _ in range(rng.randint(1, 4)):
            cases.append(_case(rng, len(cases), index, person))
    rng.shuffle(cases)
    return cases


def items(cases: Iterable[Case]) -> list[Item]:
    """The cases as the service groups them (normalised values instead of their hashes)."""
    return [Item(c.incident_id, frozenset(
        [("handle", normalise_handle(h)) for h in c.handles if normalise_handle(h)]
        + [("phone", normalise_phone(p)) for p in c.phones if normalise_phone(p)]
        + [("email", normalise_email(e)) for e in c.emails if normalise_email(e)]),
        comparable_name(c.name)) for c in cases]


def _pairs(found: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for members in found for pair in combinations(members, 2)}


def findable(cases: Sequence[Case]) -> set[frozenset[str]]:
    """The pairs an oracle that knows every true identity links: two incidents of one
    perpetrator that both name the same kind of thing (both a name, both a phone, …),
    directly or through a chain of such incidents. A pair with nothing in common (one names
    a phone, the other only a handle) is not findable by anyone, so recall counts it apart."""
    oracle = [Item(c.incident_id, frozenset(
        (kind, str(c.person)) for kind, values in (("name", (c.name,) if comparable_name(
            c.name) else ()), ("handle", c.handles), ("phone", c.phones),
            ("email", c.emails)) if values)) for c in cases]
    return _pairs(g.members for g in groups(oracle, threshold=101))


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float  # of the findable pairs
    recall_all: float  # of every pair of the same perpetrator
    findable: int
    found: int


def scores(cases: Sequence[Case], threshold: float) -> Score:
    """Precision and recall of the signals at `threshold`, over pairs of incidents."""
    person = {c.incident_id: c.person for c in cases}
    same = {frozenset((a.incident_id, b.incident_id)) for a, b in combinations(cases, 2)
            if a.person == b.person}
    found = _pairs(g.members for g in groups(items(cases), threshold))
    right = {pair for pair in found if len({person[i] for i in pair}) == 1}
    reachable = findable(cases)
    return Score(len(right) / len(found) if found else 1.0,
                 len(right & reachable) / len(reachable) if reachable else 1.0,
                 len(right) / len(same) if same else 1.0, len(reachable), len(found))


def table(cases: Sequence[Case], thresholds: Sequence[float]) -> str:
    lines = ["| name threshold | precision | recall (findable) | recall (all pairs) "
             "| findable pairs | pairs found |", "|---:|---:|---:|---:|---:|---:|"]
    for t in thresholds:
        s = scores(cases, t)
        mark = " (default)" if t == NAME_THRESHOLD else ""
        lines.append(f"| {t:g}{mark} | {s.precision:.3f} | {s.recall:.3f} | "
                     f"{s.recall_all:.3f} | {s.findable} | {s.found} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--perpetrators", type=int, default=400)
    args = parser.parse_args()
    cases = generate(args.seed, args.perpetrators)
    print(f"{len(cases)} incidents, {args.perpetrators} perpetrators, seed {args.seed}\n")
    print(table(cases, (50, 60, 70, 80, 88, 95, 100)))


if __name__ == "__main__":
    main()
