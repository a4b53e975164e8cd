"""Small building blocks shared by the views: safe text, the 112 notice, questions, steps.

Why one place: every content text goes through `plain()` before Streamlit sees it, so no YAML
text can ever become Markdown syntax (a remote image, a LaTeX formula, a link to somewhere
else). HTML is never allowed anywhere in the app.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import threading
from collections.abc import Callable

import streamlit as st

from vbestuur_engine import Engine, render
from vbestuur_engine.phone_text import phones_in_text
from vbestuur_engine.report import option_label
from vbestuur_engine.schema import LocalValues, QuestionNode, Step, Text

from . import links, session, state
from .autolinks import break_autolinks
from .i18n import _

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")
SAFE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~%/?#=&+-]*)?$")


def plain(text: str) -> str:
    """Escape Markdown so the text is shown literally, whatever characters it holds, and
    never becomes a link (no GFM autolinks either: vbestuur_app/autolinks.py)."""
    return break_autolinks(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def link(title: str, url: str | None) -> str:
    """A Markdown link to a plain https URL; anything else is shown as text only."""
    if url and SAFE_URL.match(url):
        return f"[{plain(title)}]({url})"
    return plain(title) if not url else f"{plain(title)} ({plain(url)})"


def content_text(engine: Engine, text: Text | None, lang: str,
                 local: LocalValues | None) -> str:
    """A content text in `lang`, open terms filled in, escaped for `st.markdown`, with every
    phone number as a `tel:` link.

    Cached: a rerun of the result page drew ~90 such texts, each through several regular
    expressions (a sixth of its time, bench/profile_result.py). The result depends only on the
    engine's content, the text, the language and the municipality's values: the key holds the
    engine and text by identity (kept alive in the entry, so an id is never reused) and the
    values by content (they are rebuilt on every run)."""
    values = None if local is None else (local.municipality, tuple(local.values.items()))
    key = (id(engine), id(text), lang, values)
    found = _RENDERED.get(key)
    if found is not None and found[0] is engine and found[1] is text:
        return found[2]
    result = phone_links(render(text, lang, engine.content.terms, local))
    if len(_RENDERED) >= _RENDERED_MAX:  # a new engine or many municipalities: start over
        _RENDERED.clear()
    _RENDERED[key] = (engine, text, result)
    return result


_RENDERED: dict[tuple[object, ...], tuple[Engine, Text | None, str]] = {}
_RENDERED_MAX = 20_000


def phone_links(raw: str) -> str:
    """Escape `raw` for `st.markdown` and make every dialable number in it a `tel:` link.

    Why built here and not by Markdown autolinks: the href must be E.164 (`tel:+31703738314`)
    whatever way the content writes the number, and only numbers `phone_e164` accepts become
    links. The URI holds only digits, `+`, `;` and `=` (built by `phone_uri`), the link text is
    escaped like all text; the CSS keeps a linked number on one line."""
    return with_phone_links(raw, plain, lambda written, uri: f"[{plain(written)}]({uri})")


def with_phone_links(raw: str, escape: Callable[[str], str],
                     tel_link: Callable[[str, str], str]) -> str:
    """`raw` escaped by `escape`, with every dialable number replaced by `tel_link(written,
    uri)`: one place that finds the numbers, for the Markdown above and the result's HTML
    (views/html_text.py), so both always link the same numbers to the same E.164 URIs."""
    parts: list[str] = []
    last = 0
    for span in phones_in_text(raw):
        parts.append(escape(raw[last:span.start]))
        parts.append(tel_link(span.written, span.uri))
        last = span.end
    parts.append(escape(raw[last:]))
    return "".join(parts)


def unbreakable(number: str) -> str:
    """A number as written, kept on one line: no-break spaces and non-breaking hyphens."""
    return number.replace(" ", "\u00a0").replace("-", "\u2011")


def call_button(uri: str, label: str, key: str) -> None:
    """A full-width call button: a plain `<a href="tel:...">` (no new tab, unlike
    `st.link_button`, which always sets `target=_blank`). Only `uri` from `phone_uri` and the
    escaped `label` go into the fixed markup; `st.html` sanitises it once more."""
    if not uri.startswith("tel:"):
        return
    with st.container(key=key):
        st.html(f'<a class="vb-call" href="{html.escape(uri)}">{html.escape(label)}</a>')


class _Screen(threading.local):
    """The conversation screen this run draws ('' on every other page), for `page_marker`."""

    value = ""


_SCREEN = _Screen()


def scroll_to_top(screen: str) -> None:
    """Ask for the top of the page and the focus on the new screen when `screen` changes:
    the app's script (assets/vbestuur.js) scrolls up and moves the focus when the page
    marker's screen differs from the one it last saw. `screen` goes into the marker only as a
    (hex) hash."""
    _SCREEN.value = hashlib.sha256(screen.encode()).hexdigest()[:12]


def page_marker(lang: str) -> None:
    """The one element the app's script follows (drawn last; the stylesheet hides its
    container, so it costs the page no height): the session's language for `<html lang>`
    after a switch in the running page (the first paint has it from the ASGI layer) and the
    conversation's screen.

    Drawn only when it says something new to this session's page: the script acts on a
    change of value and keeps what it last saw, so a rerun that changes neither (most of
    them) draws no element at all; Streamlit then drops the old one, which the script ignores.

    Fixed markup only: `lang` is one of LANGS and the screen a hex hash, never free text;
    no script is sent (the script is a static file, page_assets.py). The screen is reset
    here, so the next run starts without one."""
    screen, _SCREEN.value = _SCREEN.value, ""
    state = session.current()
    if state.marker == (lang, screen):
        return
    state.marker = (lang, screen)
    st.html(f'<span data-vb-lang="{html.escape(lang)}" data-vb-screen="{screen}"></span>')


def footer() -> None:
    """Below every page: the link to the toegankelijkheidsverklaring (no divider: on a phone
    every line counts against the result's three-screen budget)."""
    st.page_link(links.target(links.TOEGANKELIJKHEID), label=_("Toegankelijkheidsverklaring"))


def danger_notice() -> None:
    """The 112 line, on top of every page: the one thing that must never be missed."""
    st.warning(_("**Bent u nu in gevaar? Bel [112](tel:112).**"), icon="☎️")


def heading(text: str, level: int = 2) -> None:
    """A heading without the hover anchor link (calmer, and no stray '#' for screen readers)."""
    if level <= 1:
        st.title(text, anchor=False)
    elif level == 2:
        st.header(text, anchor=False)
    else:
        st.subheader(text, anchor=False)


def heading_with_text(text: str, body: str, level: int = 2) -> None:
    """A heading and its short text as ONE element (a Markdown heading, no anchor link).

    Why: every element costs the server the same per rerun whatever its length, and the home
    page drew a heading and a line under it for each door. `text` and `body` are Markdown the
    caller made safe: UI texts from the catalogue, or content escaped by `plain` or
    `content_text` (which escape `#` too, so content never becomes a heading)."""
    st.markdown(f"{'#' * max(1, min(level, 6))} {text}\n\n{body}", anchors=False)


def question_widget(engine: Engine, flow_id: str, question: str, lang: str,
                    local: LocalValues | None) -> None:
    """The question as a heading and its answer widget(s), keyed by flow and question id.

    Single choice and yes/no use a radio with nothing pre-selected (no accidental answers);
    multiple choice uses one large checkbox per option.
    """
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    text = content_text(engine, node.text, lang, local)
    heading(text, 2)
    if node.help is not None:
        st.caption(content_text(engine, node.help, lang, local))
    if node.kind == "multi":
        st.caption(_("Kies alles wat past."))
        for option in node.options:
            st.checkbox(plain(option_label(node, option.value, lang)),
                        key=state.widget_key(flow_id, question, option.value), width="stretch")
        return
    raw = render(node.text, lang, engine.content.terms, local)
    st.radio(raw, [o.value for o in node.options], index=None,
             format_func=_labeller(node, lang), key=state.widget_key(flow_id, question),
             label_visibility="collapsed", width="stretch")


def _labeller(node: QuestionNode, lang: str) -> Callable[[str], str]:
    return lambda value: plain(option_label(node, value, lang))


def answer_label(engine: Engine, flow_id: str, question: str, answer: object,
                 lang: str) -> str:
    """A stored answer as the person saw it (labels joined for multiple choice)."""
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    values = [answer] if isinstance(answer, str) else list(answer)  # type: ignore[call-overload]
    return ", ".join(option_label(node, str(v), lang) for v in values)


def step_expander(engine: Engine, step: Step, lang: str, local: LocalValues | None) -> None:
    """One guideline step: its own text and its concrete actions, folded away."""
    title = _("Stap {number}: {title}", number=step.id, title=step.title.get(lang))
    with st.expander(plain(title)):
        guideline_text = _("Wat de leidraad zegt")
        st.markdown(f"**{guideline_text}**")
        st.markdown(content_text(engine, step.guideline, lang, local))
        actions_text = _("Wat u kunt doen")
        st.markdown(f"**{actions_text}**")
        st.markdown(actions_list(engine, step, lang, local))


def actions_list(engine: Engine, step: Step, lang: str, local: LocalValues | None) -> str:
    """The step's actions as a Markdown bullet list (each item escaped)."""
    return "\n".join(f"- {content_text(engine, action, lang, local)}" for action in step.actions)


def question_text(engine: Engine, flow_id: str, question: str, lang: str,
                  local: LocalValues | None) -> str:
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    return content_text(engine, node.text, lang, local)


def reminder_dates(key: str, eval_label: str, term_label: str
                   ) -> tuple[dt.date, dt.date | None]:
    """The dates for the step 20 and step 21 reminders: the first yearly review (a year from
    today unless chosen) and, if known, the start of the new term. Shared by every page that
    offers the calendar download, so they ask the same way."""
    today = dt.date.today()
    evaluation = st.date_input(eval_label, value=today + dt.timedelta(days=365),
                               min_value=today, key=f"{key}:eval", format="DD-MM-YYYY")
    new_term = st.date_input(term_label, value=None, min_value=today, key=f"{key}:term",
                             format="DD-MM-YYYY")
    first = evaluation if isinstance(evaluation, dt.date) else today
    return first, new_term if isinstance(new_term, dt.date) else None
