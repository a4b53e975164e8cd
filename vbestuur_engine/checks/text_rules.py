"""Rules about wording: honest uncertainty for facts and plain B1 Dutch.

Why: people act on these texts in frightening moments. A fact of medium confidence must read as
uncertain, and Dutch that reads too hard should be visible to its author (a warning, since
readability formulas are a hint, not a verdict).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..readability import B1_MIN_SCORE, MIN_WORDS_FOR_SCORE, dutch_texts, flesch_douma
from ..schema import Text
from .registry import Finding, rule

if TYPE_CHECKING:
    from ..content import Content

HEDGE_NL = re.compile(r"\b(volgens|mogelijk|waarschijnlijk|vraag na|lijkt|naar verluidt|"
                      r"niet zeker|voor zover bekend)\b", re.IGNORECASE)
HEDGE_EN = re.compile(r"\b(according|may|might|possibly|probably|check with|appears|"
                      r"not certain|as far as (is )?known)\b", re.IGNORECASE)
MAX_SENTENCE_WORDS = 25
MIN_FLESCH_DOUMA = B1_MIN_SCORE


@rule("FACT-HEDGE")
def fact_hedge(content: Content) -> Iterator[Finding]:
    """A fact of medium confidence (M) says so in its wording, in both languages.

    PASS: `confidence: M` with "Volgens de VNG ..." / "According to the VNG ..."
    FAIL: `confidence: M` with a plain statement
    """
    for fact in content.facts.values():
        if fact.confidence != "M":
            continue
        if not HEDGE_NL.search(fact.statement.nl):
            yield Finding("fact", fact.id, ("statement", "nl"),
                          "M-confidence fact must show uncertainty (e.g. 'volgens ...')")
        if not HEDGE_EN.search(fact.statement.en):
            yield Finding("fact", fact.id, ("statement", "en"),
                          "M-confidence fact must show uncertainty (e.g. 'according to ...')")


# A warning until the content is rewritten above B1; to make it refuse content, change
# `severity="warning"` below to `severity="error"` (the texts are then checked at app start too).
@rule("READABILITY", severity="warning")
def readability(content: Content) -> Iterator[Finding]:
    """Dutch texts aim at B1: sentences up to 25 words and a Flesch-Douma score of 60+
    (Douma's "normaal"; see docs/authoring.md for the sources).

    PASS: "Meld elk incident. Ook als het klein lijkt."
    FAIL: one sentence of forty words with many long, compound words
    """
    for kind, ident, path, text in dutch_texts(content):
        yield from _text_findings(kind, ident, path, text)


def _text_findings(kind: str, ident: str, path: tuple[str | int, ...],
                   text: Text | None) -> Iterator[Finding]:
    if text is None:
        return
    for message in _hard_to_read(text.nl):
        yield Finding(kind, ident, path, message)


@lru_cache(maxsize=4096)
def _hard_to_read(text: str) -> tuple[str, ...]:
    messages = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        words = len(sentence.split())
        if words > MAX_SENTENCE_WORDS:
            messages.append(f"sentence of {words} words (aim for at most "
                            f"{MAX_SENTENCE_WORDS}): {sentence[:50]!r}...")
    if len(text.split()) >= MIN_WORDS_FOR_SCORE:
        score = flesch_douma(text)
        if score < MIN_FLESCH_DOUMA:
            messages.append(f"Flesch-Douma score {score:.0f} (aim for {MIN_FLESCH_DOUMA:.0f}+); "
                            "use shorter words and sentences")
    return tuple(messages)

