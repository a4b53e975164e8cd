"""The workshop content the pages need: discussion prompts and the polls' vocabulary.

Why from the engine: rules/workshop.yaml is content like any other. The engine loads it with
the hardened loader, validates it (`vbestuur check`: a duplicate key, a missing translation, a
step without 2 or 3 prompts fail at their line) and honours `VBESTUUR_CONTENT`; the pages only
read the validated result. The store counts answers but never reads content, so the polls'
vocabulary is handed to it from here (`PollVocabulary`).
"""

from __future__ import annotations

from vbestuur_engine import Engine
from vbestuur_engine.schema_workshop import (
    ARRANGED_POLL,
    EXPERIENCE_POLL,
    Prompt,
    WorkshopFile,
)
from vbestuur_store import PollVocabulary

NO_NONE_OPTION = "-"
"""The store's "none of these" value when the content asks no experience poll (never shown)."""


def workshop_content(engine: Engine) -> WorkshopFile:
    """The validated workshop content (an `Engine` only exists for content without errors)."""
    workshop = engine.content.workshop
    if workshop is None:  # pragma: no cover - load_content refuses such content
        raise LookupError("the content has no rules/workshop.yaml")
    return workshop


def prompts_for(engine: Engine, step_id: int) -> list[Prompt]:
    """The discussion prompts of one step, in file order."""
    return workshop_content(engine).prompts_for(step_id)


def poll_vocabulary(engine: Engine) -> PollVocabulary:
    """What the store needs to check and count answers, from the content (POLL-FORM checked
    that `geregeld` exists and that `gedrag`, if present, has a `none` option)."""
    workshop = workshop_content(engine)
    arranged, experience = workshop.poll(ARRANGED_POLL), workshop.poll(EXPERIENCE_POLL)
    assert arranged is not None
    if experience is None or experience.none is None:
        return PollVocabulary(arranged.values(), (), NO_NONE_OPTION, frozenset())
    return PollVocabulary(arranged.values(), experience.values(), experience.none.value,
                          frozenset(experience.steps or ()))
