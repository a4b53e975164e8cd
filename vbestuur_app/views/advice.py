"""How one advice is shown: briefly during the questions, in full on the result.

Why every advice shows its steps: the tool may only say what the guideline says. Each advice
cites steps; a person (or a reviewer) can unfold the step and read the guideline's own words,
and unfold "Waarom dit advies?" to see which answers led to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from vbestuur_engine import AdviceHit

from ..i18n import t
from ..widgets import answer_label, content_text, link, plain, question_text, step_expander
from . import Ctx

URGENCY_COLOURS = {"now": "red", "today": "orange", "soon": "blue", "plan": "gray"}


def card_key(advice_id: str) -> str:
    """The key of an advice's card on the result (tests and the browser find advice by it)."""
    return f"advice-{advice_id}"


def brief_key(advice_id: str) -> str:
    """The key of an advice shown briefly during the questions."""
    return f"brief-{advice_id}"


def advice_title(ctx: Ctx, hit: AdviceHit) -> str:
    """The advice's own title, or its urgency word when it has none."""
    if hit.advice.title is not None:
        return content_text(ctx.engine, hit.advice.title, ctx.lang, ctx.local)
    return t(f"result.urgency.{hit.advice.urgency}", ctx.lang)


def advice_brief(ctx: Ctx, hit: AdviceHit, box: Callable[..., Any]) -> None:
    """Title and text in one notice box (st.warning for urgent, st.info otherwise)."""
    text = content_text(ctx.engine, hit.advice.text, ctx.lang, ctx.local)
    title = hit.advice.title
    body = text if title is None else f"**{advice_title(ctx, hit)}**  \n{text}"
    with st.container(key=brief_key(hit.advice.id)):
        box(body)


def advice_card(ctx: Ctx, hit: AdviceHit) -> None:
    """The full advice: urgency, title, text, cited steps, facts and the reasons."""
    advice = hit.advice
    with st.container(border=True, key=card_key(advice.id)):
        st.badge(t(f"result.urgency.{advice.urgency}", ctx.lang),
                 color=URGENCY_COLOURS[advice.urgency])  # type: ignore[arg-type]
        if advice.title is not None:
            st.markdown(f"**{advice_title(ctx, hit)}**")
        st.markdown(content_text(ctx.engine, advice.text, ctx.lang, ctx.local))
        for step_id in advice.steps:
            step_expander(ctx.engine, ctx.engine.content.steps[step_id], ctx.lang, ctx.local)
        if advice.facts:
            _facts(ctx, list(advice.facts))
        _why(ctx, hit)


def _facts(ctx: Ctx, fact_ids: list[str]) -> None:
    """Each fact with its source, the date it was checked, and a warning when uncertain."""
    facts = ctx.engine.content.facts
    with st.expander(f"{t('result.facts', ctx.lang)} ({len(fact_ids)})"):
        for fact_id in fact_ids:
            fact = facts[fact_id]
            st.markdown(content_text(ctx.engine, fact.statement, ctx.lang, ctx.local))
            lines = [t("result.source", ctx.lang, title=link(fact.source.title, fact.source.url)),
                     plain(t("result.checked", ctx.lang, date=fact.checked))]
            if fact.confidence == "M":
                lines.append(f"**{t('result.uncertain', ctx.lang)}**")
            st.caption("  \n".join(lines))


def _why(ctx: Ctx, hit: AdviceHit) -> None:
    """The answers that led to this advice, as question and the person's own answer."""
    with st.expander(t("result.why", ctx.lang)):
        if not hit.reasons:
            st.markdown(t("result.why_none", ctx.lang))
            return
        lines = []
        for question, answer in hit.reasons:
            asked = question_text(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local)
            said = plain(answer_label(ctx.engine, ctx.flow_id, question, answer, ctx.lang))
            lines.append(f"- {asked}  \n  **{said}**")
        st.markdown("\n".join(lines))
