"""Flesch–Douma reading ease of the Dutch texts, and how the content is spread over its bands.

Why: "plain B1 Dutch" must be measured, not hoped for. Douma's table (the Dutch adaptation of
Flesch) calls 60–70 "normaal" (the level of the last class of primary school / lower secondary
education), and that is what B1 means for this score: the warning threshold is 60. A formula
counts only word and sentence length, so it is a hint for the author, never a verdict; the
distribution shows where rewriting helps most. Sources and dates: docs/authoring.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content import Content
    from .schema import Text

B1_MIN_SCORE = 60.0
MIN_WORDS_FOR_SCORE = 12
# Douma's normentabel: (lower bound, label). A score below 0 counts in the first band.
BANDS: tuple[tuple[float, str], ...] = (
    (0.0, "0–30 zeer moeilijk"), (30.0, "30–45 moeilijk"), (45.0, "45–60 tamelijk moeilijk"),
    (60.0, "60–70 normaal (B1)"), (70.0, "70–80 tamelijk gemakkelijk"),
    (80.0, "80+ gemakkelijk"))


@dataclass(frozen=True)
class ScoredText:
    """One Dutch text with its score; `kind`/`ident`/`path` say where it is written."""

    kind: str
    ident: str
    path: tuple[str | int, ...]
    text: str
    score: float

    @property
    def label(self) -> str:
        """A short name for reports: `advice meld-altijd` or `flow incident: gevaar`."""
        return f"{self.kind} {self.ident}" + (f": {self.path[1]}" if self.kind == "flow" else "")


@lru_cache(maxsize=4096)
def flesch_douma(text: str) -> float:
    """Flesch–Douma reading ease (206.835 − 0.93 × words/sentence − 77 × syllables/word),
    textstat's constants for Dutch."""
    import textstat

    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(text))


def dutch_texts(content: Content) -> Iterator[tuple[str, str, tuple[str | int, ...], Text]]:
    """Every Dutch text a person reads at length: advice texts and the texts of flow nodes."""
    for advice in content.advice.values():
        yield "advice", advice.id, ("text", "nl"), advice.text
    for flow in content.flows.values():
        for node_id, node in flow.nodes.items():
            if node.text is not None:
                yield "flow", flow.id, ("nodes", node_id, "text", "nl"), node.text


def scored_texts(content: Content) -> list[ScoredText]:
    """Every text long enough for a score (12+ words), lowest score first."""
    found = [ScoredText(kind, ident, path, text.nl, flesch_douma(text.nl))
             for kind, ident, path, text in dutch_texts(content)
             if len(text.nl.split()) >= MIN_WORDS_FOR_SCORE]
    return sorted(found, key=lambda s: (s.score, s.kind, s.ident, s.path))


def band_of(score: float) -> str:
    """The label of Douma's band that a score falls in."""
    label = BANDS[0][1]
    for lower, name in BANDS:
        if score >= lower:
            label = name
    return label


def distribution(scored: list[ScoredText]) -> list[tuple[str, int]]:
    """(band label, number of texts) for every band, also the empty ones, hardest first."""
    counts = dict.fromkeys((name for _lower, name in BANDS), 0)
    for item in scored:
        counts[band_of(item.score)] += 1
    return list(counts.items())


def summary_line(scored: list[ScoredText]) -> str:
    """One line for `vbestuur check`: how many texts reach B1 and the count per band."""
    below = sum(1 for s in scored if s.score < B1_MIN_SCORE)
    bands = "; ".join(f"{name}: {count}" for name, count in distribution(scored))
    return (f"readability (Flesch–Douma, {len(scored)} Dutch texts of "
            f"{MIN_WORDS_FOR_SCORE}+ words): {below} below B1 ({B1_MIN_SCORE:.0f}); {bands}")
