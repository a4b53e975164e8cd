"""The discussion prompts of the presenter view, read from rules/workshop.yaml.

Why a YAML file of its own and not a field on the steps: the engine's content format is closed
(unknown keys are errors), and prompts are only for workshop mode. The file is checked by its
own strict pydantic model: every step 1–21 gets 2 or 3 prompts, each in Dutch and English, so a
facilitator never meets an empty or untranslated screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from vbestuur_engine.content import PROJECT_ROOT

PROMPTS_FILE = Path("rules") / "workshop.yaml"
STEP_IDS = range(1, 22)
MIN_PROMPTS, MAX_PROMPTS = 2, 3


class Prompt(BaseModel):
    """One discussion prompt, drawn from the guideline text of the steps it lists."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    steps: Annotated[list[Annotated[int, Field(ge=1, le=21)]], Field(min_length=1)]
    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        """The prompt in `lang`, Dutch by default."""
        return self.en if lang == "en" else self.nl


class PromptsFile(BaseModel):
    """The whole file: unique ids, and 2–3 prompts for every step."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    prompts: list[Prompt]

    @model_validator(mode="after")
    def _every_step_covered(self) -> PromptsFile:
        ids = [p.id for p in self.prompts]
        if len(ids) != len(set(ids)):
            raise ValueError("prompt ids must be unique")
        for step in STEP_IDS:
            count = sum(step in p.steps for p in self.prompts)
            if not MIN_PROMPTS <= count <= MAX_PROMPTS:
                raise ValueError(f"step {step} has {count} prompts, expected 2 or 3")
        return self

    def for_step(self, step_id: int) -> list[Prompt]:
        """The prompts of one step, in file order."""
        return [p for p in self.prompts if step_id in p.steps]


def parse_prompts(text: str) -> PromptsFile:
    """Validate the YAML text of a prompts file (raises pydantic's ValidationError)."""
    return PromptsFile.model_validate(yaml.safe_load(text))


@lru_cache(maxsize=4)
def load_prompts(root: str | None = None) -> PromptsFile:
    """The prompts file of the project (or of `root`), read and checked once per process."""
    path = Path(root or PROJECT_ROOT) / PROMPTS_FILE
    return parse_prompts(path.read_text(encoding="utf-8"))


def prompts_by_step(prompts: PromptsFile) -> Mapping[int, list[Prompt]]:
    """Every step's prompts."""
    return {step: prompts.for_step(step) for step in STEP_IDS}
