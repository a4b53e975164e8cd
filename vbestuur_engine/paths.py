"""Enumerate every distinct path through a flow, each with one set of answers that takes it.

Why: reviewers and tests need to see every way a conversation can go. Enumerating all answer
combinations explodes (a readiness check of 15 yes/no questions has 3^15 of them), so answers
that lead to the same next node are grouped and the first of each group represents it: the
result is every distinct *node path*, which is what can differ structurally. Answers that a
later condition looks at are never grouped, since they can change the path further on.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from itertools import combinations

from .conditions import Answer
from .graph import CompiledFlow
from .schema import QuestionNode
from .walk import Progress, walk

MAX_PATHS = 10_000


def candidate_answers(node: QuestionNode) -> list[Answer]:
    """Answers to try at a question: every option, or for multiple choice every single
    option, every pair and all options together."""
    values = [o.value for o in node.options]
    if node.kind != "multi":
        return list(values)
    picks: list[Answer] = [(v,) for v in values]
    picks += list(combinations(values, 2))
    if len(values) > 2:
        picks.append(tuple(values))
    return picks


def all_paths(compiled: CompiledFlow,
              split: Callable[[Progress], Hashable] | None = None) -> Iterator[Progress]:
    """Every complete path (as a finished `Progress`), depth first, in option order.

    `split` keeps apart answers that lead to the same node but differ in what `split` says
    about the walk so far (the check NOW-TOO-MANY splits on the "Doe nu" advice reached).
    """
    stack: list[dict[str, Answer]] = [{}]
    produced = 0
    while stack and produced < MAX_PATHS:
        answers = stack.pop()
        progress = walk(compiled, answers)
        if progress.complete:
            produced += 1
            yield progress
            continue
        question = progress.next_question
        assert question is not None
        node = compiled.node(question)
        assert isinstance(node, QuestionNode)
        branches: dict[str, dict[str, Answer]] = {}
        for answer in candidate_answers(node):
            trial = {**answers, question: answer}
            after = walk(compiled, trial)
            key = after.next_question or after.outcome or ""
            if question in compiled.condition_questions:
                key = f"{key}|{answer}"
            if split is not None:
                key = f"{key}|{split(after)!r}"
            branches.setdefault(key, trial)
        stack.extend(reversed(list(branches.values())))
