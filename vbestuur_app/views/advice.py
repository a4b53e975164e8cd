"""How one advice is shown: briefly during the questions, in its layer on the result.

Why one "Waarom en bronnen" per advice: the tool may only say what the guideline says, so each
advice keeps its cited steps, its facts with source and date, and the answers that led to it;
but a frightened person needs the action first, so all of that sits folded in one place
(the result used to carry two to four expanders per card).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from vbestuur_engine import AdviceHit
from vbestuur_engine.layers import Call, LayerItem
from vbestuur_service.i18n.words import URGENCY

from ..i18n import _
from ..widgets import (
    answer_label,
    call_button,
    content_text,
    link,
    plain,
    question_text,
    unbreakable,
)
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


def now_item(ctx: Ctx, item: LayerItem) -> None:
    """One "Doe nu" action: its short sentence, the call button, the details folded."""
    sentence = item.action if item.action is not None else item.advice.title
    with st.container(border=True, key=card_key(item.advice.id)):
        if sentence is not None:
            st.markdown(f"**{content_text(ctx.engine, sentence, ctx.lang, ctx.local)}**")
        if item.call is not None:
            call_button(item.call.uri, call_label(ctx, item.call), call_key(item.advice.id))
        with st.expander(_("Waarom en bronnen", ctx.lang)):
            st.markdown(content_text(ctx.engine, item.advice.text, ctx.lang, ctx.local))
            details(ctx, item.hit)


def advice_card(ctx: Ctx, item: LayerItem, folded: bool = False) -> None:
    """An advice of "Vandaag / deze week" (or, `folded`, inside "Goed om te weten", where
    Streamlit allows no second expander: the details follow as small print)."""
    with st.container(border=True, key=card_key(item.advice.id)):
        text = content_text(ctx.engine, item.advice.text, ctx.lang, ctx.local)
        if item.advice.title is not None:  # one element, not two: each costs a rerun time
            text = f"**{advice_title(ctx, item.hit)}**  \n{text}"
        st.markdown(text)
        if item.call is not None:
            call_button(item.call.uri, call_label(ctx, item.call), call_key(item.advice.id))
        if folded:
            details(ctx, item.hit, small=True)
            return
        with st.expander(_("Waarom en bronnen", ctx.lang)):
            details(ctx, item.hit)


def details(ctx: Ctx, hit: AdviceHit, small: bool = False) -> None:
    """The steps, the facts with source and date, and the answers that led here: one element
    (three paragraphs), since every element costs each rerun of the page its share."""
    steps_text = _("Uit de leidraad", ctx.lang)
    parts = [f"**{steps_text}**  \n" + _steps(ctx, hit)]
    if hit.advice.facts:
        facts_text = _("Feiten en bronnen", ctx.lang)
        parts.append(f"**{facts_text}**  \n" + _facts(ctx, list(hit.advice.facts)))
    reasons_text = _("Uw antwoorden die tot dit advies leidden", ctx.lang)
    parts.append(f"**{reasons_text}**  \n" + _reasons(ctx, hit))
    (st.caption if small else st.markdown)("\n\n".join(parts))


def _steps(ctx: Ctx, hit: AdviceHit) -> str:
    lines = []
    for step_id in hit.advice.steps:
        step = ctx.engine.content.steps[step_id]
        title = _(
            "Stap {number}: {title}", ctx.lang, number=step.id, title=step.title.get(ctx.lang))
        guideline = content_text(ctx.engine, step.guideline, ctx.lang, ctx.local)
        lines.append(f"- *{plain(title)}*: {guideline}")
    return "\n".join(lines)


def _facts(ctx: Ctx, fact_ids: list[str]) -> str:
    """Each fact with its source, the date it was checked, and a warning when uncertain."""
    lines = []
    for fact_id in fact_ids:
        fact = ctx.engine.content.facts[fact_id]
        parts = [content_text(ctx.engine, fact.statement, ctx.lang, ctx.local),
                 _("Bron: {title}", ctx.lang, title=link(fact.source.title, fact.source.url)),
                 plain(_("Gecontroleerd op {date}.", ctx.lang, date=fact.checked))]
        if fact.confidence == "M":
            uncertain_text = _("Niet helemaal zeker: controleer dit zelf.", ctx.lang)
            parts.append(f"**{uncertain_text}**")
        lines.append("- " + " ".join(parts))
    return "\n".join(lines)


def _reasons(ctx: Ctx, hit: AdviceHit) -> str:
    """The answers that led to this advice, as question and the person's own answer."""
    if not hit.reasons:
        return _("Dit advies geldt voor iedereen op deze route.", ctx.lang)
    lines = []
    for question, answer in hit.reasons:
        asked = question_text(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local)
        said = plain(answer_label(ctx.engine, ctx.flow_id, question, answer, ctx.lang))
        lines.append(f"- {asked}: **{said}**")
    return "\n".join(lines)
