"""The conversation page: questions, the review of answers, or the result of one flow.

Why one page with three screens: the person stays on one address while the conversation goes
on (the URL never carries answers), and Back, review and result are just different views of
the same `Progress`, recomputed by the engine on every run from the stored answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import streamlit as st

from vbestuur_engine import Engine, Progress, VbestuurError
from vbestuur_service import conversation as uc

from .. import links, session, state
from ..i18n import _, current_lang
from ..loading import load
from ..session import Answer
from ..store_views.local import session_local
from ..widgets import heading, scroll_to_top
from . import Ctx, interview, result, review


def render() -> None:
    """Draw the screen that fits this session's state."""
    engine = load().engine
    assert engine is not None
    flow_id = state.active_flow()
    if flow_id is None or flow_id not in engine.compiled:
        _no_flow()
        return
    progress = walk_quietly(engine, flow_id)
    if progress is None:
        _stale_answers(flow_id)
        return
    local = session_local(engine, showing=progress)  # a first question: no database (issue 15)
    _route(Ctx(engine, engine.flow(flow_id), current_lang(), local), progress)


def walk_quietly(engine: Engine, flow_id: str) -> Progress | None:
    """This session's walk of the flow (kept, as for the conversation page), or None when
    its answers no longer fit the content (the conversation page says so)."""
    try:
        return _progress(engine, flow_id, state.answers(flow_id), state.role(engine))
    except VbestuurError:
        return None


def _progress(engine: Engine, flow_id: str, answers: Mapping[str, Answer],
              role: str | None) -> Progress:
    """The engine's walk for these answers, kept for the session's next run.

    Why kept: most reruns (a fold opened, the language radio redrawn, a result looked at
    again) walk the same answers again, and the walk is the same pure function of them
    (`Progress` is frozen). Keyed by the engine itself, so new content walks afresh."""
    key = (flow_id, role, tuple(sorted((q, a if isinstance(a, str) else tuple(a))
                                       for q, a in answers.items())))
    kept = session.current().kept
    found = kept.get("progress")
    if found is not None and found[0] is engine and found[1] == key:
        return cast(Progress, found[2])
    progress = uc.progress(engine, flow_id, answers, role)
    kept["progress"] = (engine, key, progress)
    return progress


def _route(ctx: Ctx, progress: Progress) -> None:
    view = state.view()
    editing = state.edit_question()
    here = progress.next_question or progress.outcome or ""
    scroll_to_top(f"{ctx.flow_id}:{view}:{editing}:{here}:{len(progress.answers)}")
    if view == "edit" and editing is not None and editing in progress.answers:
        review.render_edit(ctx, progress, editing)
    elif view in ("review", "edit"):
        review.render(ctx, progress)
    elif progress.complete:  # the flow's title is the page's one h1, in the result's HTML
        result.render(ctx, progress)
    else:  # the flow's title is the page's one h1, above its questions
        heading(ctx.compiled.flow.title.get(ctx.lang), 1)
        interview.render(ctx, progress)


def _no_flow() -> None:
    heading(_("Gesprek"), 1)  # every page has its one h1, this empty one too
    st.info(_("Kies eerst op de startpagina waar u hulp bij wilt."))
    st.page_link(links.target(links.START), label=_("Naar de startpagina"))


def _stale_answers(flow_id: str) -> None:
    """Answers that no longer fit the content (it changed under a running server)."""
    st.warning(_("De vragen zijn intussen veranderd. Begin dit gesprek opnieuw."))
    st.button(_("Opnieuw beginnen"), key=f"restart:{flow_id}", on_click=state.restart,
              args=(flow_id,))
