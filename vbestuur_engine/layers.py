"""The result in three layers: "Doe nu", "Vandaag / deze week", "Goed om te weten".

Why: a frightened person cannot act on eleven advice cards. The layer of an advice follows from
its `urgency` (content authors keep one field, not two that can disagree); "Doe nu" holds at most
three short actions (the check NOW-TOO-MANY proves it for every path), each with the number to
call already in the form a `tel:` link needs. The app, the exports and the CLI all ask here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .phone import phone_e164, phone_uri
from .schema import Advice, Contact, Fact, Text, Urgency
from .walk import AdviceHit, Progress

Layer = Literal["now", "today", "later"]
LAYERS: tuple[Layer, ...] = ("now", "today", "later")
LAYER_OF_URGENCY: Mapping[Urgency, Layer] = {"now": "now", "today": "today", "soon": "today",
                                              "plan": "later"}
LAYER_TITLES: Mapping[Layer, Text] = {
    "now": Text(nl="Doe nu", en="Do now"),
    "today": Text(nl="Vandaag / deze week", en="Today / this week"),
    "later": Text(nl="Goed om te weten", en="Good to know"),
}
MAX_NOW_ITEMS = 3


@dataclass(frozen=True)
class Call:
    """A number to dial: `contact.phone` as written in the content, `dial` in E.164 (or `112`),
    and `uri`, the RFC 3966 `tel:` link (`tel:+31703738314`, `tel:112;phone-context=+31`)."""

    fact_id: str
    contact: Contact
    dial: str
    uri: str


@dataclass(frozen=True)
class LayerItem:
    """One advice of a layer, with its short action and the number to call, if any."""

    hit: AdviceHit
    layer: Layer
    action: Text | None
    call: Call | None

    @property
    def advice(self) -> Advice:
        return self.hit.advice


@dataclass(frozen=True)
class ResultLayers:
    """The advice of a walk split into the three layers, each in the walk's urgency order."""

    now: tuple[LayerItem, ...]
    today: tuple[LayerItem, ...]
    later: tuple[LayerItem, ...]

    def layer(self, name: Layer) -> tuple[LayerItem, ...]:
        return {"now": self.now, "today": self.today, "later": self.later}[name]

    def __iter__(self) -> Iterator[tuple[Layer, tuple[LayerItem, ...]]]:
        """(layer, items) for every layer, also the empty ones, in display order."""
        return iter((name, self.layer(name)) for name in LAYERS)

    @property
    def calls(self) -> tuple[Call, ...]:
        """Every distinct number to call, "Doe nu" first (for call buttons)."""
        seen: dict[str, Call] = {}
        for _name, items in self:
            for item in items:
                if item.call is not None:
                    seen.setdefault(item.call.dial, item.call)
        return tuple(seen.values())


def layer_of(advice: Advice) -> Layer:
    """The layer an advice appears in, from its urgency."""
    return LAYER_OF_URGENCY[advice.urgency]


def call_for(advice: Advice, facts: Mapping[str, Fact]) -> Call | None:
    """The number named by `advice.call`, ready to dial; None without a (valid) contact.

    The checks CALL-NO-PHONE and PHONE-INVALID refuse content where this would be None for an
    advice that names a call, so a None here only happens for unchecked content.
    """
    fact = facts.get(advice.call or "")
    if fact is None or fact.contact is None:
        return None
    dial = phone_e164(fact.contact.phone)
    return Call(fact.id, fact.contact, dial, phone_uri(fact.contact.phone)) if dial else None


def result_layers(progress: Progress, facts: Mapping[str, Fact]) -> ResultLayers:
    """Split the advice of a walk into layers; `facts` supplies the numbers to call."""
    grouped: dict[Layer, list[LayerItem]] = {name: [] for name in LAYERS}
    for hit in progress.advice:
        layer = layer_of(hit.advice)
        grouped[layer].append(LayerItem(hit, layer, hit.advice.action,
                                        call_for(hit.advice, facts)))
    return ResultLayers(tuple(grouped["now"]), tuple(grouped["today"]), tuple(grouped["later"]))
