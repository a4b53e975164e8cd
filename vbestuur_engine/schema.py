"""The content vocabulary: pydantic models for steps, facts, terms, advice and flows.

Why a closed vocabulary: content is written by domain experts, and a typo in a key must be an
error that names the allowed keys, never a silently ignored line. Every model forbids extra keys
and is frozen, so a validated flow can be shared between users without copying.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

STEP_MIN, STEP_MAX = 1, 21
ROLES = ("burgemeester", "wethouder", "raadslid", "organisatie")
YESNO_VALUES = ("ja", "nee", "weet-niet")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Role = Literal["burgemeester", "wethouder", "raadslid", "organisatie"]
Phase = Literal["vooraf", "tijdens", "erna"]
Cadence = Literal["once", "per_term", "yearly", "per_incident"]
Owner = Literal["persoon", "college", "raad", "griffie"]
Urgency = Literal["now", "today", "soon", "plan"]
Confidence = Literal["H", "M"]
Door = Literal["incident", "vraag", "gereedheid", "organisatie", "voorbeeld"]
Ident = Annotated[str, Field(pattern=ID_PATTERN)]
StepId = int


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(Strict):
    """A user-visible text: Dutch is authoritative, English follows."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Dutch (the authoritative version)."""
        return self.en if lang == "en" else self.nl


class Source(Strict):
    """Where an external fact comes from."""

    title: str
    url: str | None = None


class Contact(Strict):
    """A phone contact that a fact vouches for (used by netwerklijst and wie-bellen).

    `phone` is written nationally (`070-373 83 14`) or in E.164 (`+31703738314`); the check
    PHONE-INVALID dials nothing but asks the `phonenumbers` metadata whether it exists."""

    name: Text
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 -]{1,14}[0-9]$")]
    purpose: Text


class Step(Strict):
    """One of the guideline's 21 steps."""

    id: StepId
    phase: Phase
    title: Text
    guideline: Text
    actions: Annotated[list[Text], Field(min_length=1)]
    roles: Annotated[list[Role], Field(min_length=1)]
    owners: Annotated[list[Owner], Field(min_length=1)]
    cadence: Cadence


class Fact(Strict):
    """An external fact beyond the guideline, with its source, date and confidence."""

    id: Ident
    statement: Text
    source: Source
    checked: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    confidence: Confidence
    contact: Contact | None = None


class Term(Strict):
    """An open term: something every municipality arranges in its own way."""

    id: Ident
    label: Text
    default: Text
    steps: Annotated[list[StepId], Field(min_length=1)]


class Advice(Strict):
    """One piece of advice; `steps` ties every sentence back to the guideline.

    `urgency` puts it in a layer of the result (now: "Doe nu"; today and soon: "Vandaag / deze
    week"; plan: "Goed om te weten"). A `now` advice carries `action`, one short sentence with
    one concrete action, and may name in `call` a fact whose contact the app offers to dial.
    """

    id: Ident
    title: Text | None = None
    text: Text
    steps: list[StepId]
    facts: list[Ident] = []
    urgency: Urgency = "plan"
    action: Text | None = None
    call: Ident | None = None


class Condition(Strict):
    """A structured guard over earlier answers; never evaluated as code.

    Exactly one form: `{question: q, is: [a, b]}` (the answer, or for a multiple-choice
    question any selected option, is one of the values), `{all: [...]}`, `{any: [...]}`
    or `{not: {...}}`.
    """

    question: Ident | None = None
    is_: Annotated[list[str] | None, Field(alias="is")] = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Annotated[Condition | None, Field(alias="not")] = None

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [self.question is not None, self.all is not None, self.any is not None,
                 self.not_ is not None]
        if sum(forms) != 1:
            raise ValueError("use exactly one of: question+is, all, any, not")
        if self.question is not None and not self.is_:
            raise ValueError("'question' needs a non-empty 'is' list")
        if self.question is None and self.is_ is not None:
            raise ValueError("'is' needs a 'question'")
        return self


class AdviceRef(Strict):
    """Advice attached under a condition: `{id: advice-id, when: {...}}`."""

    id: Ident
    when: Condition | None = None


def _ref_from_text(value: object) -> object:
    """Allow the short form `- advice-id` for an unconditional advice reference."""
    return {"id": value} if isinstance(value, str) else value


AdviceItem = Annotated[AdviceRef, BeforeValidator(_ref_from_text,
                                                  json_schema_input_type=Ident | AdviceRef)]
AdviceList = list[AdviceItem]


class Effects(Strict):
    """What an answer or outcome does to the checklist; with `when`, only if that holds
    (for example "done only when both earlier answers were ja")."""

    done: list[StepId] = []
    partial: list[StepId] = []
    open: list[StepId] = []
    na: list[StepId] = []
    when: Condition | None = None


class Route(Strict):
    """Go to `next` when the condition holds; routes are tried in order."""

    when: Condition
    next: Ident


class Option(Strict):
    """An answer option of a question."""

    value: Ident
    label: Text | None = None
    next: Ident | None = None
    advice: AdviceList = []
    checklist: Effects | None = None


class QuestionNode(Strict):
    """A question: single choice, multiple choice or yes/no/weet-niet."""

    type: Literal["question"]
    kind: Literal["single", "multi", "yesno"]
    text: Text
    help: Text | None = None
    options: Annotated[list[Option], Field(min_length=1)]
    routes: list[Route] = []
    next: Ident | None = None


class InfoNode(Strict):
    """A piece of information shown on the way; passed without an answer."""

    type: Literal["info"]
    text: Text
    advice: AdviceList = []
    checklist: Effects | None = None
    routes: list[Route] = []
    next: Ident | None = None


class OutcomeNode(Strict):
    """The end of a path: a summary, advice and checklist effects."""

    type: Literal["outcome"]
    title: Text
    text: Text | None = None
    advice: AdviceList = []
    checklist: Effects | None = None


Node = Annotated[QuestionNode | InfoNode | OutcomeNode, Field(discriminator="type")]


class Flow(Strict):
    """A question tree answering one guiding question."""

    id: Ident
    door: Door
    title: Text
    question: Text
    summary: Text
    steps: Annotated[list[StepId], Field(min_length=1)]
    checklist_steps: list[StepId] | None = None
    role_question: Ident | None = None
    start: Ident
    nodes: Annotated[dict[Ident, Node], Field(min_length=1)]

    @field_validator("nodes")
    @classmethod
    def _ids_are_identifiers(cls, nodes: dict[str, object]) -> dict[str, object]:
        for key in nodes:
            if not re.match(ID_PATTERN, key):
                raise ValueError(f"node id {key!r} must match {ID_PATTERN}")
        return nodes


class StepsFile(Strict):
    """rules/steps.yaml"""

    steps: list[Step]


class FactsFile(Strict):
    """rules/facts.yaml"""

    facts: list[Fact]


class TermsFile(Strict):
    """rules/terms.yaml"""

    terms: list[Term]


class AdviceFile(Strict):
    """rules/advice/*.yaml"""

    advice: list[Advice]


class LocalValues(Strict):
    """A municipality's own values for the open terms (rules/local/*.yaml)."""

    municipality: str
    values: dict[Ident, Text]


FILE_MODELS: dict[str, type[Strict]] = {
    "steps": StepsFile,
    "facts": FactsFile,
    "terms": TermsFile,
    "advice": AdviceFile,
    "flow": Flow,
    "local": LocalValues,
}
