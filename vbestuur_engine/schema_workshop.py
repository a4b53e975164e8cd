"""The workshop content: the polls the room answers and the discussion prompts per step.

Why content and not code: the questions, their answers and their labels are what a facilitator
and a content reviewer read and change; the prompts are drawn from the guideline's text. Both
go through the same hardened loader, validation and `vbestuur check` as every other file
(`rules/workshop.yaml`), so a duplicate key or a missing translation fails at its line instead
of in a live workshop. The store keeps only how answers are counted; it receives the poll
vocabulary from the caller (see `vbestuur_store.workshop_polls.PollVocabulary`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from .schema import Ident, StepId, Strict, Text

ARRANGED_POLL = "geregeld"
"""The poll every step asks: the room's verdict is worked out from its answers."""
ARRANGED_VALUES = ("ja", "deels", "nee", "weet-niet")
EXPERIENCE_POLL = "gedrag"
"""The optional multiple-choice poll about behaviour people met, asked at the steps it lists."""
MIN_PROMPTS, MAX_PROMPTS = 2, 3


class Prompt(Strict):
    """One discussion prompt for the wall, drawn from the guideline text of its steps."""

    id: Ident
    steps: Annotated[list[StepId], Field(min_length=1)]
    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        """The prompt in `lang`, falling back to Dutch (the authoritative version)."""
        return self.en if lang == "en" else self.nl


class PollOption(Strict):
    """An answer a participant can tick; participants never type text."""

    value: Ident
    label: Text


class Poll(Strict):
    """A question put to the room; `steps` omitted means every step of the workshop."""

    id: Ident
    kind: Literal["single", "multi"]
    text: Text
    help: Text | None = None
    steps: list[StepId] | None = None
    options: Annotated[list[PollOption], Field(min_length=1)]
    none: PollOption | None = None

    def values(self) -> tuple[str, ...]:
        """The option values in file order (without the `none` option)."""
        return tuple(o.value for o in self.options)

    def label(self, value: str, lang: str) -> str:
        """The label of an option (or of the `none` option); the value itself if unknown."""
        for option in (*self.options, *([self.none] if self.none else [])):
            if option.value == value:
                return option.label.get(lang)
        return value


class WorkshopFile(Strict):
    """rules/workshop.yaml: the polls, then the prompts."""

    polls: Annotated[list[Poll], Field(min_length=1)]
    prompts: list[Prompt]

    def poll(self, poll_id: str) -> Poll | None:
        """The poll with this id, if the content defines it."""
        return next((p for p in self.polls if p.id == poll_id), None)

    def prompts_for(self, step_id: int) -> list[Prompt]:
        """The prompts of one step, in file order."""
        return [p for p in self.prompts if step_id in p.steps]

    def step_refs(self) -> Iterator[tuple[tuple[str | int, ...], int]]:
        """(path in the file, step id) of every step the polls and prompts name."""
        named: list[tuple[str, int, list[int] | None]] = [
            *(("polls", i, p.steps) for i, p in enumerate(self.polls)),
            *(("prompts", i, p.steps) for i, p in enumerate(self.prompts))]
        for kind, index, steps in named:
            for position, step in enumerate(steps or []):
                yield (kind, index, "steps", position), step

