"""The polls of workshop mode: which answers exist, and how a room's answers are counted.

Why the threshold lives here and not in the app: "no individual can be singled out" must hold
for every caller (presenter view, export, a future API). `tally()` is the only place that turns
stored answers into figures, and it returns no figures at all while fewer than `k` distinct
participants answered; `k` itself can never be below MIN_K (also a CHECK in the database).

Why only fixed answers: participants never type text, so nothing they give can name a person
or a perpetrator, and nothing needs moderating before it is shown on a wall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vbestuur_store.errors import InvalidValue
from vbestuur_store.models_workshop import MIN_K

GEREGELD = "geregeld"
GEDRAG = "gedrag"
QUESTIONS = (GEREGELD, GEDRAG)

CAUTIOUS_ORDER = ("nee", "weet-niet", "deels", "ja")
"""The answers of the `geregeld` poll, least comfortable first (the verdict needs all four)."""

OPEN_VERDICTS = ("nee", "deels")
UNKNOWN_VERDICTS = ("weet-niet",)


@dataclass(frozen=True)
class PollVocabulary:
    """What the polls ask: content (rules/workshop.yaml), passed in by the caller.

    Why a parameter: the answers, the forms of behaviour and the steps that ask about them are
    content that `vbestuur check` validates; the store never reads content (it does not import
    the engine). It keeps only how answers are counted, and the verdict needs exactly the
    answers of CAUTIOUS_ORDER, so a vocabulary without them is refused here too.
    """

    geregeld: tuple[str, ...]
    behaviours: tuple[str, ...]
    none_met: str
    gedrag_steps: frozenset[int]

    def __post_init__(self) -> None:
        if sorted(self.geregeld) != sorted(CAUTIOUS_ORDER):
            raise ValueError(f"the {GEREGELD!r} poll must offer {', '.join(CAUTIOUS_ORDER)}")
        if self.none_met in self.behaviours or len(set(self.behaviours)) != len(self.behaviours):
            raise ValueError("behaviours must be unique and differ from the 'none' value")

    def options(self, question: str) -> tuple[str, ...]:
        """What a tally counts, in display order (for `gedrag`, "none of these" last)."""
        return self.geregeld if question == GEREGELD else (*self.behaviours, self.none_met)


@dataclass(frozen=True)
class Tally:
    """The room's answers to one question: `counts` is None while respondents < k."""

    question: str
    respondents: int
    needed: int
    counts: dict[str, int] | None

    @property
    def shown(self) -> bool:
        """Whether the figures may be shown (at least k distinct participants answered)."""
        return self.counts is not None


@dataclass(frozen=True)
class StepResult:
    """Both tallies of one step (`gedrag` only for the steps that ask it)."""

    step_id: int
    geregeld: Tally
    gedrag: Tally | None

    @property
    def verdict(self) -> str | None:
        """How the room judged the step, or None when there are too few answers."""
        return verdict(self.geregeld)


def questions_for(step_id: int, polls: PollVocabulary) -> tuple[str, ...]:
    """The questions asked at a step."""
    return QUESTIONS if step_id in polls.gedrag_steps else (GEREGELD,)


def effective_k(k: int) -> int:
    """The threshold actually applied: never below MIN_K, whatever was passed."""
    return max(int(k), MIN_K)


def check_k(k: object) -> int:
    """Validate a requested threshold (a whole number from MIN_K to 1000)."""
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= 1000:
        raise InvalidValue(field="k")
    return k


def clean_answer(step_id: int, question: str, answer: object,
                 polls: PollVocabulary) -> list[str]:
    """The stored form of an answer (a sorted list); InvalidValue for anything else.

    `geregeld` takes one of `polls.geregeld` (a string or a one-item list); `gedrag` takes a
    list of `polls.behaviours`, where an empty list means "none of these".
    """
    if question not in questions_for(step_id, polls):
        raise InvalidValue(field="question")
    values = [answer] if isinstance(answer, str) else answer
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise InvalidValue(field=question)
    if question == GEREGELD:
        if len(values) != 1 or values[0] not in polls.geregeld:
            raise InvalidValue(field=question)
        return [values[0]]
    if len(set(values)) != len(values) or any(v not in polls.behaviours for v in values):
        raise InvalidValue(field=question)
    return sorted(values, key=polls.behaviours.index)


def tally(question: str, answers: Sequence[Sequence[str]], k: int,
          polls: PollVocabulary) -> Tally:
    """Count one question's answers (one per participant); hide them all below k.

    `counts` follows `polls.options(question)`, so a reader can draw it in that order."""
    needed = effective_k(k)
    if len(answers) < needed:
        return Tally(question, len(answers), needed, None)
    options = polls.options(question)
    counts: Counter[str] = Counter()
    for answer in answers:
        counts.update(answer if answer else [polls.none_met])
    return Tally(question, len(answers), needed, {o: counts[o] for o in options})


def verdict(geregeld: Tally) -> str | None:
    """The room's verdict on "Is dit bij ons geregeld?"; None below k (docs/workshop.md).

    - "ja" (arranged) only when at least two thirds of the answers are "ja";
    - else "nee" when more than half are "nee", "weet-niet" when more than half are "weet-niet";
    - else "deels": without a two-thirds "ja" the room does not call the step arranged.
    So 3 ja, 2 deels, 1 nee is "deels", and one dissenter among three cannot make it "ja".
    """
    if geregeld.counts is None:
        return None
    counts, total = geregeld.counts, sum(geregeld.counts.values())
    if total and 3 * counts["ja"] >= 2 * total:
        return "ja"
    for value in ("nee", "weet-niet"):
        if 2 * counts[value] > total:
            return value
    return "deels"


def step_result(step_id: int, answers: dict[str, list[list[str]]], k: int,
                polls: PollVocabulary) -> StepResult:
    """The tallies of one step from its stored answers, by question."""
    gedrag = None
    if GEDRAG in questions_for(step_id, polls):
        gedrag = tally(GEDRAG, answers.get(GEDRAG, []), k, polls)
    return StepResult(step_id, tally(GEREGELD, answers.get(GEREGELD, []), k, polls), gedrag)


def steps_with(results: Iterable[StepResult], verdicts: Sequence[str]) -> tuple[int, ...]:
    """The steps whose verdict is one of `verdicts`, in workshop order."""
    return tuple(r.step_id for r in results if r.verdict in verdicts)
