"""The review screen: every answer on the path, each one changeable.

Why through the engine: changing an early answer may open another branch. The engine keeps the
answers that are still on the new path and drops the others, so the person never has to answer
unrelated questions again, and no stale answer can influence the advice.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_service import conversation as uc

from .. import session, state
from ..i18n import t
from ..widgets import answer_label, heading, plain, question_text, question_widget
from . import Ctx


def edit_key(flow_id: str, question: str) -> str:
    """The key of the "Wijzig" button of one answer."""
    return f"edit:{flow_id}:{question}"


def render(ctx: Ctx, progress: Progress) -> None:
    """List the answers on the path, in the order they were asked."""
    heading(t("review.title"), 1)
    for notice in session.take(state.CONVERSATION):
        if notice.code == "dropped":
            st.info(t("ask.dropped", count=notice.params["count"]))
    st.markdown(t("review.intro"))
    answered = [node for node in progress.path if node in progress.answers]
    if not answered:
        st.markdown(t("review.empty"))
    for question in answered:
        _answer_row(ctx, progress, question)
    if progress.complete:
        st.button(t("review.to_result"), key="review:result", type="primary", width="stretch",
                  on_click=state.show, args=("result",))
    else:
        st.button(t("review.continue"), key="review:continue", type="primary", width="stretch",
                  on_click=state.show, args=("ask",))


def _answer_row(ctx: Ctx, progress: Progress, question: str) -> None:
    with st.container(border=True):
        text, button = st.columns([4, 1], vertical_alignment="center")
        with text:
            st.markdown(question_text(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local))
            label = answer_label(ctx.engine, ctx.flow_id, question,
                                 progress.answers[question], ctx.lang)
            st.markdown(f"**{plain(label)}**")
            if question == uc.role_question(ctx.engine, ctx.flow_id):
                st.caption(t("review.role_kept"))
        with button:
            st.button(t("review.change"), key=edit_key(ctx.flow_id, question), width="stretch",
                      on_click=state.begin_edit, args=(ctx.engine, ctx.flow_id, question),
                      help=None)


def render_edit(ctx: Ctx, progress: Progress, question: str) -> None:
    """One earlier question, pre-filled with its answer; saving re-walks the flow."""
    heading(t("review.editing"), 1)
    if any(n.code == "choose" for n in session.take(state.CONVERSATION)):
        st.warning(t("ask.choose"))
    question_widget(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local)
    save, cancel = st.columns(2)
    with save:
        st.button(t("review.save"), key="edit:save", type="primary", width="stretch",
                  on_click=state.save_edit, args=(ctx.engine, ctx.flow_id, question))
    with cancel:
        st.button(t("review.cancel"), key="edit:cancel", width="stretch", on_click=state.show,
                  args=("review",))
