"""Helpers for the AppTest suites: start the app, answer questions by key, read what is shown.

Why by key: the tests must not break when a caption is added above a question, so every widget
is addressed by the key the app derives from flow and question ids, and every advice and
checklist step is found by the key of its container.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from html_parts import keys_in_body as html_keys
from streamlit.testing.v1 import AppTest

from vbestuur_app.session import SESSION_KEY, Session
from vbestuur_app.state import widget_key
from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import QuestionNode

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 30
MAX_QUESTIONS = 200


def new_app(lang: str | None = None) -> AppTest:
    """The real entry point, run once (optionally with `?lang=`)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if lang is not None:
        at.query_params["lang"] = lang
    return at.run()


def conversation_harness(flow_id: str, lang: str = "nl") -> AppTest:
    """Only the conversation page, with a flow already chosen (for flows without a door)."""

    def script() -> None:
        from vbestuur_app import state
        from vbestuur_app.views import conversation

        state.ensure_defaults(None)
        conversation.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, flow=flow_id, lang=lang)
    return at.run()


def seed(at: AppTest, **fields: Any) -> None:
    """Set fields of the app's one session object (before a run), keeping the others."""
    current = at.session_state[SESSION_KEY] if SESSION_KEY in at.session_state else Session()
    at.session_state[SESSION_KEY] = replace(current, **fields)


def visitor(at: AppTest) -> Session:
    """The app's one session object after a run."""
    value = at.session_state[SESSION_KEY]
    assert isinstance(value, Session)
    return value


def markdown_headings(at: AppTest, *levels: int) -> list[str]:
    """The headings drawn inside Markdown elements (widgets.heading_with_text: a heading and
    its line as one element), at these levels, in page order."""
    marks = tuple("#" * level + " " for level in levels)
    return [line.split(" ", 1)[1] for m in at.markdown for line in str(m.value).splitlines()
            if line.startswith(marks)]


def walk_nodes(node: Any) -> Iterator[Any]:
    """Every element and block below `node`, in page order."""
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for index in sorted(children):
            yield from walk_nodes(children[index])


def keys_with_prefix(at: AppTest, prefix: str) -> list[str]:
    """Keys (without the prefix) of the containers whose key starts with `prefix`, and the
    `data-key`s of the result's own HTML parts (tests/app/html_parts.py), in page order."""
    found = []
    for node in walk_nodes(at.main):
        key = getattr(node, "key", None)
        if isinstance(key, str) and key.startswith(prefix):
            found.append(key[len(prefix):])
        if getattr(node, "type", None) == "html":
            found.extend(html_keys(str(node.proto.body), prefix))
    return found


def stored_answers(at: AppTest, flow_id: str) -> dict[str, Any]:
    answers = visitor(at).answers
    return dict(answers.get(flow_id, {}))


def progress_of(at: AppTest, engine: Engine, flow_id: str) -> Progress:
    return engine.walk(flow_id, stored_answers(at, flow_id))


def choose(at: AppTest, engine: Engine, flow_id: str, question: str, value: str) -> None:
    """Select `value` in the question's widget (one checkbox for multiple choice)."""
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    if node.kind == "multi":
        at.checkbox(key=widget_key(flow_id, question, value)).check().run()
    else:
        at.radio(key=widget_key(flow_id, question)).set_value(value).run()


def answer_first(at: AppTest, engine: Engine, flow_id: str) -> tuple[str, str]:
    """Answer the current question with its first option and press "Volgende"."""
    question = progress_of(at, engine, flow_id).next_question
    assert question is not None
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    value = node.options[0].value
    choose(at, engine, flow_id, question, value)
    at.button(key="ask:next").click().run()
    assert not at.exception, at.exception
    return question, value


def complete_flow(at: AppTest, engine: Engine, flow_id: str) -> Progress:
    """Answer first options until the flow is complete; return the engine's final progress."""
    for _ in range(MAX_QUESTIONS):
        progress = progress_of(at, engine, flow_id)
        if progress.complete:
            return progress
        answer_first(at, engine, flow_id)
    raise AssertionError(f"{flow_id}: not complete after {MAX_QUESTIONS} answers")


def question_widget_shown(at: AppTest, engine: Engine, flow_id: str, question: str) -> bool:
    """True when the question's widget (or its first checkbox) is on the page."""
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    try:
        if node.kind == "multi":
            at.checkbox(key=widget_key(flow_id, question, node.options[0].value))
        else:
            at.radio(key=widget_key(flow_id, question))
    except KeyError:
        return False
    return True
