"""How one advice is named and shown briefly during the questions; its keys and call label.

Why one "Waarom en bronnen" per advice on the result (views/advice_html.py draws the card):
the tool may only say what the guideline says, so each advice keeps its cited steps, its facts
with source and date, and the answers that led to it; but a frightened person needs the action
first, so all of that sits folded in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from vbestuur_engine import AdviceHit
from vbestuur_engine.layers import Call
from vbestuur_service.i18n.words import URGENCY

from ..i18n import _
from ..widgets import content_text, unbreakable
from . import Ctx


def card_key(advice_id: str) -> str:
    """The key of an advice's card on the result (tests and the browser find advice by it)."""
    return f"advice-{advice_id}"


def call_key(advice_id: str) -> str:
    """The key of an advice's call button."""
    return f"call-{advice_id}"


def brief_key(advice_id: str) -> str:
    """The key of an advice shown briefly during the questions."""
    return f"brief-{advice_id}"


def advice_title(ctx: Ctx, hit: AdviceHit) -> str:
    """The advice's own title, or its urgency word when it has none."""
    if hit.advice.title is not None:
        return content_text(ctx.engine, hit.advice.title, ctx.lang, ctx.local)
    return _(URGENCY[hit.advice.urgency], ctx.lang)


def advice_brief(ctx: Ctx, hit: AdviceHit, box: Callable[..., Any]) -> None:
    """Title and text in one notice box (st.warning for urgent, st.info otherwise)."""
    text = content_text(ctx.engine, hit.advice.text, ctx.lang, ctx.local)
    title = hit.advice.title
    body = text if title is None else f"**{advice_title(ctx, hit)}**  \n{text}"
    with st.container(key=brief_key(hit.advice.id)):
        box(body)


def call_label(ctx: Ctx, call: Call) -> str:
    """"Bel 112", or "Bel <name>: <number>" with the number kept on one line."""
    if call.dial == "112":
        return _("Bel 112", ctx.lang)
    return _(
        "Bel {name}: {number}", ctx.lang, name=call.contact.name.get(ctx.lang),
        number=unbreakable(call.contact.phone))
