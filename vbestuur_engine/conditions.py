"""Evaluate structured guards over answers. Never `eval`: conditions are data.

Why: content authors must be able to express "only for raadsleden" without writing code, and
nobody must be able to smuggle code into content.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .schema import Condition

Answer = str | tuple[str, ...]


def holds(condition: Condition, answers: Mapping[str, Answer]) -> bool:
    """True if the condition holds for the answers given so far.

    A `{question, is}` leaf is false when the question is unanswered; for a multiple-choice
    answer it is true when any selected option is listed.
    """
    if condition.question is not None:
        given = answers.get(condition.question)
        if given is None:
            return False
        chosen = (given,) if isinstance(given, str) else given
        return any(value in (condition.is_ or ()) for value in chosen)
    if condition.all is not None:
        return all(holds(child, answers) for child in condition.all)
    if condition.any is not None:
        return any(holds(child, answers) for child in condition.any)
    assert condition.not_ is not None
    return not holds(condition.not_, answers)


def questions_in(condition: Condition) -> Iterator[str]:
    """Every question a condition looks at (for "why this advice")."""
    if condition.question is not None:
        yield condition.question
    for child in (condition.all or []) + (condition.any or []):
        yield from questions_in(child)
    if condition.not_ is not None:
        yield from questions_in(condition.not_)
