"""The result's advice layers and checklist as a few `st.html` strings, built once per result.

Why: a rerun of the result page (a date picked, a fold opened, a reconnect) used to draw ~50
Streamlit elements for the same advice; now the body is two strings looked up by what they
depend on (`result_key`): the engine (by identity), the flow, the language, the
municipality's values, the answers and the path they took, and the advice and checklist as
shown (which the netwerklijst changes). Threads share the table: a lost race only builds a
part twice. Folds are native `<details>`: opening one needs no rerun at all.
Every text is escaped (views/html_text.py); only the fixed markup here and in
views/advice_html.py surrounds it, and `st.html` sanitises once more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vbestuur_engine import ChecklistItem, Progress
from vbestuur_engine.readiness import PHASES
from vbestuur_service.i18n.words import CHECKLIST_STATUS, PHASE_NAMES

from ..i18n import _
from . import Ctx
from .advice_html import advice_card, fold, now_card
from .html_text import content, esc, text_inline

_BUILT: dict[tuple[Any, ...], tuple[object, str]] = {}
_BUILT_MAX = 2_000


def result_key(ctx: Ctx, progress: Progress) -> tuple[Any, ...]:
    """What the result's parts depend on (the engine by identity, kept in the entry)."""
    local = None if ctx.local is None else (ctx.local.municipality,
                                            tuple(sorted(ctx.local.values.items())))
    answers = tuple(sorted((q, a if isinstance(a, str) else tuple(a))
                           for q, a in progress.answers.items()))
    advice = tuple(hit.advice.id for hit in progress.advice)
    steps = tuple((i.step.id, i.status) for i in progress.checklist)
    path = (progress.outcome, tuple(progress.path))  # the outcome, whatever led there
    return (id(ctx.engine), ctx.flow_id, ctx.lang, local, answers, path, advice, steps)


def cached(ctx: Ctx, key: tuple[Any, ...], part: str, build: Callable[[], str]) -> str:
    """The part built once: a rerun of the same result (`key`, from `result_key`) only looks
    it up."""
    key = (part, *key)
    found = _BUILT.get(key)
    if found is not None and found[0] is ctx.engine:
        return found[1]
    # one line: st.html dedents its body on every call, a scan per line (whitespace between
    # tags and inside text means the same to HTML either way; no <pre> is built here)
    text = build().replace("\n", " ")
    if len(_BUILT) >= _BUILT_MAX:  # a new engine or many people: start over
        _BUILT.clear()
    _BUILT[key] = (ctx.engine, text)
    return text


def heading_html(level: int, text: str) -> str:
    """A heading (h2 outcome, h3 layers); `text` is escaped here."""
    return f"<h{level}>{esc(text)}</h{level}>"


def layers_html(ctx: Ctx, progress: Progress) -> str:
    """"Doe nu", "Vandaag / deze week" and, folded, "Goed om te weten"."""
    if not progress.advice:
        none = _("Er is geen apart advies. Bekijk de checklist hieronder.", ctx.lang)
        return heading_html(3, _("Wat u kunt doen", ctx.lang)) + f"<p>{esc(none)}</p>"
    result = ctx.engine.layers(progress)
    parts = []
    if result.now:
        cards = "".join(now_card(ctx, item) for item in result.now)
        title = heading_html(3, _("Doe nu", ctx.lang))
        parts.append(f'<div data-key="layer-now">{title}{cards}</div>')
    if result.today:
        cards = "".join(advice_card(ctx, item) for item in result.today)
        title = heading_html(3, _("Vandaag / deze week", ctx.lang))
        parts.append(f'<div data-key="layer-today">{title}{cards}</div>')
    if result.later:
        cards = "".join(advice_card(ctx, item, folded=True) for item in result.later)
        label = _("Goed om te weten ({count})", ctx.lang, count=len(result.later))
        parts.append(fold(esc(label), cards, "layer-later"))
    return "".join(parts)


def checklist_html(ctx: Ctx, items: tuple[ChecklistItem, ...], folded: bool) -> str:
    """Open and partly done steps by phase, with actions; done and n.a. steps after them,
    folded. `folded`: all of it in one fold (the incident and question results)."""
    still_open = [i for i in items if i.status in ("open", "partial")]
    body = _checklist_body(ctx, items, still_open, folded)
    if not folded:
        return heading_html(3, _("Checklist: wat nog open staat", ctx.lang)) + body
    label = (_("Checklist: nog 1 stap open", ctx.lang) if len(still_open) == 1
             else _("Checklist: nog {count} stappen open", ctx.lang, count=len(still_open)))
    return fold(esc(label), body, "checklist")


def _checklist_body(ctx: Ctx, items: tuple[ChecklistItem, ...],
                    still_open: list[ChecklistItem], folded: bool) -> str:
    parts = []
    if not still_open:
        all_done = _("Alle stappen zijn gedaan of gelden niet voor u.", ctx.lang)
        parts.append(f"<p>{esc(all_done)}</p>")
    for phase in PHASES:
        in_phase = [i for i in still_open if i.step.phase == phase]
        if in_phase:
            phase_name = _(PHASE_NAMES[phase], ctx.lang)
            parts.append(f"<p><strong>{esc(phase_name)}</strong></p>")
            parts.extend(_open_step(ctx, item) for item in in_phase)
    closed = [i for i in items if i.status in ("done", "na")]
    if closed:
        lines = "".join(f"<li>{_closed_line(ctx, i)}</li>" for i in closed)
        label = esc(_("Gedaan of niet van toepassing ({count})", ctx.lang, count=len(closed)))
        # inside the checklist's fold a list under a bold line, as before; open, a fold
        parts.append(f"<p><strong>{label}</strong></p><ul>{lines}</ul>" if folded
                     else fold(label, f"<ul>{lines}</ul>"))
    return "".join(parts)


def _open_step(ctx: Ctx, item: ChecklistItem) -> str:
    title = _("Stap {number}: {title}", ctx.lang, number=item.step.id,
              title=item.step.title.get(ctx.lang))
    partial = _("deels gedaan", ctx.lang)
    suffix = f" · <em>{esc(partial)}</em>" if item.status == "partial" else ""
    actions = "".join(
        f"<li>{text_inline(content(ctx.engine, action, ctx.lang, ctx.local))}</li>"
        for action in item.step.actions)
    return (f'<div class="vb-card" data-key="step-{item.step.id}">'
            f"<p><strong>{esc(title)}</strong>{suffix}</p><ul>{actions}</ul></div>")


def _closed_line(ctx: Ctx, item: ChecklistItem) -> str:
    title = _("Stap {number}: {title}", ctx.lang, number=item.step.id,
              title=item.step.title.get(ctx.lang))
    status = _(CHECKLIST_STATUS[item.status], ctx.lang)
    return f"{esc(title)}: {esc(status)}"
