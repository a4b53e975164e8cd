"""The result's HTML never turns text into markup (views/html_text.py, advice_html.py).

Hostile content (a script, an image with onerror, a `javascript:` link, Markdown syntax,
quotes that would end an attribute) goes into every text slot of a card and of a fact; the
HTML is parsed back (html.parser) and may hold only our fixed tags and attributes, with the
hostile text shown as text. Numbers become `tel:` links, https sources links, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any, cast

import pytest
from html_parts import Part, parse

from vbestuur_app.views import Ctx
from vbestuur_app.views.advice_html import advice_card, now_card
from vbestuur_app.views.html_text import link_html, paragraphs, text_blocks
from vbestuur_app.views.result_html import cached, checklist_html, result_key
from vbestuur_engine import Engine
from vbestuur_engine.layers import LayerItem
from vbestuur_engine.schema import Fact, Source, Text

HOSTILE = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> '
           '[klik](javascript:alert(3)) **vet** _schuin_ # kop\n- lijst "x" onclick=\'y\' &amp;')
TAGS = {"div", "p", "strong", "em", "br", "a", "details", "summary", "ul", "li", "h2", "h3"}
CLASSES = {"vb-card", "vb-call", "vb-tel", "vb-fold", "vb-fold-body", "vb-small"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def only_our_markup(found: list[Part]) -> None:
    """Every element is one of our tags, with only our attributes and safe link targets."""
    for part in found:
        assert part.tag in TAGS, part
        for name, value in part.attrs.items():
            assert name in {"class", "data-key", "href", "target", "rel"}, (part.tag, name)
            if name == "class":
                assert set(value.split()) <= CLASSES, value
            if name == "href":
                assert value.startswith(("tel:", "https://")), value
                assert '"' not in value and "<" not in value and " " not in value


def test_hostile_text_stays_text() -> None:
    body = text_blocks(HOSTILE, "<strong>titel</strong>")
    found = parse(body)
    only_our_markup(found)
    assert [p.tag for p in found] == ["p", "strong", "br"], "nothing of the text became markup"
    assert found[0].text == "titel" + HOSTILE.replace("\n", "\n"), "shown as written"
    assert "<script" not in body and "<img" not in body and "javascript:alert(3)" in found[0].text


def test_numbers_become_tel_links_and_blank_lines_paragraphs() -> None:
    found = [part for body in paragraphs("Bel 0900-8844 <b>nu</b>.\n\nOf bel 112.")
             for part in parse(f"<p>{body}</p>")]
    links = [p for p in found if p.tag == "a"]
    assert [(a.attrs["href"], a.text) for a in links] == [
        ("tel:+319008844", "0900-8844"), ("tel:112;phone-context=+31", "112")]
    assert [p.tag for p in found].count("p") == 2
    assert "<b>nu</b>" in found[0].text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://example.org/",
                                 'https://x.nl/"onmouseover="alert(1)', "data:text/html,x"])
def test_unsafe_source_addresses_are_text(url: str) -> None:
    found = parse(f"<p>{link_html('<b>bron</b>', url)}</p>")
    assert [p.tag for p in found] == ["p"], "no link, no markup"
    assert found[0].text == f"<b>bron</b> ({url})"


def test_https_source_is_a_new_tab_link() -> None:
    found = parse(link_html("VNG", "https://vng.nl/nieuws/meld-agressie-en-intimidatie"))
    assert len(found) == 1 and found[0].tag == "a" and found[0].text == "VNG"
    assert found[0].attrs["target"] == "_blank" and "noopener" in found[0].attrs["rel"]


class HostileEngine:
    """The real engine, but its facts hold one hostile fact (the content is read-only)."""

    def __init__(self, engine: Engine, fact: Fact) -> None:
        self.engine = engine
        self.content = SimpleNamespace(steps=engine.content.steps, terms=engine.content.terms,
                                       facts={**engine.content.facts, fact.id: fact})

    def flow(self, flow_id: str) -> Any:
        return self.engine.flow(flow_id)


def hostile_item(engine: Engine) -> tuple[Ctx, LayerItem]:
    """An advice of the incident result with hostile text in title, action, text and fact."""
    progress = engine.walk("incident", {"gevaar": "ja"})
    item = next(i for _n, items in engine.layers(progress) for i in items if i.call)
    bad = Text(nl=HOSTILE, en=HOSTILE)
    fact = engine.content.facts[item.advice.facts[0]]
    hostile = HostileEngine(engine, Fact(
        id=fact.id, statement=bad, source=Source(title=HOSTILE, url="javascript:alert(4)"),
        checked=fact.checked, confidence="M"))
    advice = item.advice.model_copy(update={"title": bad, "text": bad, "action": bad})
    ctx = Ctx(cast(Engine, hostile), engine.flow("incident"), "nl", None)
    return ctx, replace(item, hit=replace(item.hit, advice=advice), action=bad)


@pytest.mark.parametrize("kind", ["now", "today", "later"])
def test_a_hostile_card_holds_only_our_markup(engine: Engine, kind: str) -> None:
    ctx, item = hostile_item(engine)
    body = (now_card(ctx, item) if kind == "now"
            else advice_card(ctx, item, folded=kind == "later"))
    found = parse(body)
    only_our_markup(found)
    assert found[0].attrs["data-key"] == f"advice-{item.advice.id}"
    calls = [p for p in found if "vb-call" in p.attrs.get("class", "")]
    assert len(calls) == 1 and calls[0].attrs["href"].startswith("tel:")
    assert "target" not in calls[0].attrs, "a call opens no new tab"
    assert found[0].text.count("<script>alert(1)</script>") >= 3, "the text is shown as text"
    assert "javascript:alert(4)" in found[0].text, "the bad source address is shown, not linked"
    assert "<script" not in body and "<img" not in body


def test_a_hostile_step_in_the_checklist(engine: Engine) -> None:
    progress = engine.walk("incident", {"gevaar": "ja"})
    bad = Text(nl=HOSTILE, en=HOSTILE)
    items = tuple(replace(i, step=i.step.model_copy(update={"title": bad, "actions": [bad]}))
                  for i in progress.checklist)
    ctx = Ctx(engine, engine.flow("incident"), "en", None)
    body = checklist_html(ctx, items, folded=True)
    found = parse(body)
    only_our_markup(found)
    assert found[0].tag == "details" and found[0].attrs["data-key"] == "checklist"
    assert "<script" not in body and HOSTILE.split("\n")[0] in found[0].text


def test_a_rerun_only_looks_the_result_up(engine: Engine) -> None:
    """Built once per result; another answer, language or checklist builds anew."""
    built: list[str] = []

    def build(text: str) -> Callable[[], str]:
        return lambda: built.append(text) or text

    ctx = Ctx(engine, engine.flow("incident"), "nl", None)
    progress = engine.walk("incident", {"gevaar": "ja"})
    key = result_key(ctx, progress)
    assert cached(ctx, key, "t", build("a")) == "a"
    assert cached(ctx, result_key(ctx, progress), "t", build("b")) == "a" and built == ["a"]
    other = engine.walk("incident", {"gevaar": "nee"})
    english = Ctx(engine, engine.flow("incident"), "en", None)
    fewer = replace(progress, checklist=progress.checklist[1:])
    for changed in (result_key(ctx, other), result_key(english, progress),
                    result_key(ctx, fewer)):
        assert changed != key
    assert cached(ctx, result_key(english, progress), "t", build("c")) == "c"
    assert built == ["a", "c"]
