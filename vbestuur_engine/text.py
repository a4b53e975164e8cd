"""Render content text for one language, filling in the municipality's open terms.

Why: advice such as "Volg het geweldsprotocol: {term:geweldsprotocol}" must show the
municipality's own arrangement when the griffie has filled it in, and an honest "find out, ask
the griffie" otherwise. Placeholders are replaced as plain text: nothing is ever interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from pydantic import BaseModel

from .schema import LocalValues, Term, Text

TERM_PATTERN = re.compile(r"\{term:([a-z0-9-]+)\}")


def render(text: Text | None, lang: str, terms: Mapping[str, Term],
           local: LocalValues | None = None) -> str:
    """The text in `lang` with every `{term:id}` replaced by the local value or the default."""
    if text is None:
        return ""
    raw = text.get(lang)

    def fill(match: re.Match[str]) -> str:
        term_id = match.group(1)
        if local is not None and term_id in local.values:
            return local.values[term_id].get(lang)
        term = terms.get(term_id)
        return term.default.get(lang) if term is not None else match.group(0)

    return TERM_PATTERN.sub(fill, raw)


def terms_used(text: Text | None) -> list[str]:
    """The term ids a text refers to (both languages), in order of first use."""
    if text is None:
        return []
    found = TERM_PATTERN.findall(text.nl) + TERM_PATTERN.findall(text.en)
    return list(dict.fromkeys(found))


def terms_in(model: BaseModel) -> list[str]:
    """The term ids used by any text inside `model` (its fields, lists and nested models)."""
    return list(dict.fromkeys(term for text in _texts(model) for term in terms_used(text)))


def _texts(model: BaseModel) -> Iterator[Text]:
    if isinstance(model, Text):
        yield model
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, dict):
            value = list(value.values())
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, BaseModel):
                yield from _texts(item)
