"""One advice on the result as fixed HTML around escaped text: a card, its call button and its
"Waarom en bronnen" fold (a native `<details>`).

Why HTML and not one container, markdown, button and expander per card: every Streamlit
element costs each rerun its share (~0.2-0.3 ms of server CPU), and the incident result had
eleven cards; now all of a layer is one string, built once per result and looked up on a
rerun (views/result_html.py). Every text goes through views/html_text.py (html.escape, `tel:`
links from `phone_uri`); only the fixed tags and classes below are ours, and `st.html`
sanitises the whole once more. The card keeps the key tests and the browser find it by as
`data-key` (`advice-<id>`, `call-<id>`), as `st-key-` classes were before.
"""

from __future__ import annotations

from vbestuur_engine import AdviceHit
from vbestuur_engine.layers import LayerItem
from vbestuur_engine.schema import QuestionNode, Text

from ..i18n import _
from ..widgets import answer_label
from . import Ctx
from .advice import call_key, call_label, card_key
from .html_text import content, esc, link_html, text_blocks, text_inline


def call_html(ctx: Ctx, item: LayerItem) -> str:
    """The full-width `<a class="vb-call" href="tel:...">` (no new tab), or nothing."""
    call = item.call
    if call is None or not call.uri.startswith("tel:"):
        return ""
    return (f'<a class="vb-call" data-key="{esc(call_key(item.advice.id))}" '
            f'href="{esc(call.uri)}">{esc(call_label(ctx, call))}</a>')


def fold(summary: str, body: str, key: str = "") -> str:
    """A native fold (`<details>`): opening it needs no rerun; `summary` is escaped text."""
    data = f' data-key="{esc(key)}"' if key else ""
    return (f'<details class="vb-fold"{data}><summary>{summary}</summary>'
            f'<div class="vb-fold-body">{body}</div></details>')


def now_card(ctx: Ctx, item: LayerItem) -> str:
    """One "Doe nu" action: its short sentence, the call button, the details folded."""
    sentence = item.action if item.action is not None else item.advice.title
    lead = ""
    if sentence is not None:
        lead = f"<p><strong>{text_inline(_content(ctx, sentence))}</strong></p>"
    why = text_blocks(_content(ctx, item.advice.text)) + details(ctx, item.hit)
    return _card(item, lead + call_html(ctx, item)
                 + fold(esc(_("Waarom en bronnen", ctx.lang)), why))


def advice_card(ctx: Ctx, item: LayerItem, folded: bool = False) -> str:
    """An advice of "Vandaag / deze week" (or, `folded`, inside "Goed om te weten", where the
    details follow as small print, as they did inside the Streamlit expander)."""
    lead = ""
    if item.advice.title is not None:
        lead = f"<strong>{text_inline(_content(ctx, item.advice.title))}</strong>"
    body = text_blocks(_content(ctx, item.advice.text), lead) + call_html(ctx, item)
    if folded:
        return _card(item, body + f'<div class="vb-small">{details(ctx, item.hit)}</div>')
    return _card(item, body + fold(esc(_("Waarom en bronnen", ctx.lang)), details(ctx, item.hit)))


def _card(item: LayerItem, body: str) -> str:
    return f'<div class="vb-card" data-key="{esc(card_key(item.advice.id))}">{body}</div>'


def details(ctx: Ctx, hit: AdviceHit) -> str:
    """The steps, the facts with source and date, and the answers that led here."""
    parts = [_list(_("Uit de leidraad", ctx.lang), _steps(ctx, hit))]
    if hit.advice.facts:
        parts.append(_list(_("Feiten en bronnen", ctx.lang), _facts(ctx, list(hit.advice.facts))))
    reasons = _("Uw antwoorden die tot dit advies leidden", ctx.lang)
    if not hit.reasons:
        everyone = _("Dit advies geldt voor iedereen op deze route.", ctx.lang)
        parts.append(f"<p><strong>{esc(reasons)}</strong><br>{esc(everyone)}</p>")
    else:
        parts.append(_list(reasons, _reasons(ctx, hit)))
    return "".join(parts)


def _list(title: str, items: list[str]) -> str:
    lines = "".join(f"<li>{item}</li>" for item in items)
    return f"<p><strong>{esc(title)}</strong></p><ul>{lines}</ul>"


def _steps(ctx: Ctx, hit: AdviceHit) -> list[str]:
    lines = []
    for step_id in hit.advice.steps:
        step = ctx.engine.content.steps[step_id]
        title = _(
            "Stap {number}: {title}", ctx.lang, number=step.id, title=step.title.get(ctx.lang))
        lines.append(f"<em>{esc(title)}</em>: {text_inline(_content(ctx, step.guideline))}")
    return lines


def _facts(ctx: Ctx, fact_ids: list[str]) -> list[str]:
    """Each fact with its source, the date it was checked, and a warning when uncertain."""
    lines = []
    for fact_id in fact_ids:
        fact = ctx.engine.content.facts[fact_id]
        source = _("Bron: {title}", ctx.lang, title="\x00")  # the link goes where \x00 is
        before, _sep, after = source.partition("\x00")
        parts = [text_inline(_content(ctx, fact.statement)),
                 esc(before) + link_html(fact.source.title, fact.source.url) + esc(after),
                 esc(_("Gecontroleerd op {date}.", ctx.lang, date=fact.checked))]
        if fact.confidence == "M":
            uncertain = _("Niet helemaal zeker: controleer dit zelf.", ctx.lang)
            parts.append(f"<strong>{esc(uncertain)}</strong>")
        lines.append(" ".join(parts))
    return lines


def _reasons(ctx: Ctx, hit: AdviceHit) -> list[str]:
    """The answers that led to this advice, as question and the person's own answer."""
    lines = []
    for question, answer in hit.reasons:
        node = ctx.engine.flow(ctx.flow_id).node(question)
        assert isinstance(node, QuestionNode)
        asked = text_inline(_content(ctx, node.text))
        said = esc(answer_label(ctx.engine, ctx.flow_id, question, answer, ctx.lang))
        lines.append(f"{asked}: <strong>{said}</strong>")
    return lines


def _content(ctx: Ctx, text: Text | None) -> str:
    return content(ctx.engine, text, ctx.lang, ctx.local)
