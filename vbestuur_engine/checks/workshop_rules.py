"""Rules about the workshop content (rules/workshop.yaml): prompts per step, poll shapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..schema import STEP_MAX, STEP_MIN
from ..schema_workshop import (
    ARRANGED_POLL,
    ARRANGED_VALUES,
    EXPERIENCE_POLL,
    MAX_PROMPTS,
    MIN_PROMPTS,
    Poll,
)
from .registry import Finding, rule

if TYPE_CHECKING:
    from ..content import Content

_FILE = ("workshop", "workshop")


@rule("WORKSHOP-PROMPTS")
def workshop_prompts(content: Content) -> Iterator[Finding]:
    """Every step 1-21 has 2 or 3 discussion prompts, so a facilitator never meets an empty
    wall and the wall never overflows.

    PASS: two prompts with `steps: [19]`
    FAIL: one prompt for step 19, or four for step 1
    """
    if content.workshop is None:
        return
    prompts = content.workshop.prompts
    for step in range(STEP_MIN, STEP_MAX + 1):
        mine = [i for i, p in enumerate(prompts) if step in p.steps]
        if MIN_PROMPTS <= len(mine) <= MAX_PROMPTS:
            continue
        path = ("prompts", mine[MAX_PROMPTS]) if len(mine) > MAX_PROMPTS else ("prompts",)
        yield Finding(*_FILE, path, f"step {step} has {len(mine)} prompt(s); give it "
                      f"{MIN_PROMPTS} or {MAX_PROMPTS}")


@rule("POLL-FORM")
def poll_form(content: Content) -> Iterator[Finding]:
    """The polls are the ones the store can count: `geregeld` (single choice, asked at every
    step, options ja, deels, nee, weet-niet: the room's verdict is worked out from them) and
    optionally `gedrag` (multiple choice, with a `none` option and the steps that ask it).
    Option values are unique.

    PASS: `{id: geregeld, kind: single, options: [ja, deels, nee, weet-niet] ...}`
    FAIL: `geregeld` with options `ja` and `nee` only, or a poll `mening`
    """
    if content.workshop is None:
        return
    polls = content.workshop.polls
    if not any(p.id == ARRANGED_POLL for p in polls):
        yield Finding(*_FILE, ("polls",), f"the poll {ARRANGED_POLL!r} is missing")
    for index, poll in enumerate(polls):
        for path, message in _poll_problems(poll):
            yield Finding(*_FILE, ("polls", index, *path), message)


def _poll_problems(poll: Poll) -> Iterator[tuple[tuple[str | int, ...], str]]:
    values = [*poll.values(), *([poll.none.value] if poll.none else [])]
    for index, value in enumerate(values):
        if value in values[:index]:
            yield ("options",), f"option value {value!r} appears twice"
    if poll.id == ARRANGED_POLL:
        if poll.kind != "single" or poll.none is not None or poll.steps is not None:
            yield ("kind",), f"{ARRANGED_POLL!r} is single choice, without `none` or `steps`"
        if poll.values() != ARRANGED_VALUES:
            yield ("options",), f"{ARRANGED_POLL!r} offers {', '.join(ARRANGED_VALUES)}"
    elif poll.id == EXPERIENCE_POLL:
        if poll.kind != "multi" or poll.none is None or not poll.steps:
            yield ("kind",), f"{EXPERIENCE_POLL!r} is multiple choice with `none` and `steps`"
    else:
        yield ("id",), f"unknown poll {poll.id!r}; polls are {ARRANGED_POLL}, {EXPERIENCE_POLL}"
