"""Map pydantic validation errors to author-facing problems at the right line.

Why: pydantic knows *what* is wrong but not *where* in the YAML; the loader knows where. This
module joins the two (the approach of dagster's `pydantic_yaml`), names the allowed keys for an
unknown key, and calls a missing `nl`/`en` what it is: a missing translation.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .sources import LoadedFile, PathKey

_TRANSLATION_KEYS = ("nl", "en")


def validate_model(model: type[BaseModel], loaded: LoadedFile) -> tuple[Any, list[Problem]]:
    """Validate one parsed file; returns the model (or None) and the problems found."""
    if not isinstance(loaded.data, dict):
        line, col = (1, 1)
        return None, [Problem(loaded.path, line, col, "WRONG-TYPE",
                              "the file must be a mapping of keys to values")]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        problems = {_to_problem(model, loaded, err) for err in exc.errors()}
        return None, sorted(problems)


def _to_problem(model: type[BaseModel], loaded: LoadedFile, err: ErrorDetails) -> Problem:
    loc: PathKey = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        line, col = loaded.source.lookup(loc[:-1])
        key = loc[-1]
        rule = "MISSING-TRANSLATION" if key in _TRANSLATION_KEYS else "MISSING-KEY"
        where = _dotted(loc[:-1])
        return Problem(loaded.path, line, col, rule, f"{where}: missing required key {key!r}")
    line, col = loaded.source.lookup(loc)
    if kind == "extra_forbidden":
        allowed = ", ".join(allowed_keys(model, loc[:-1])) or "none"
        return Problem(loaded.path, line, col, "UNKNOWN-KEY",
                       f"{_dotted(loc)}: unknown key {loc[-1]!r}; allowed keys: {allowed}")
    rule = "WRONG-VALUE" if kind in _VALUE_ERRORS else "WRONG-TYPE"
    return Problem(loaded.path, line, col, rule, f"{_dotted(loc)}: {err['msg']}")


_VALUE_ERRORS = {"literal_error", "union_tag_invalid", "string_pattern_mismatch",
                 "too_short", "string_too_short", "value_error", "union_tag_not_found"}


def _dotted(loc: PathKey) -> str:
    return ".".join(str(part) for part in loc) or "(top)"


def allowed_keys(model: type[BaseModel], loc: PathKey) -> list[str]:
    """The keys allowed at `loc` inside `model`, found by walking the type annotations."""
    current: Any = model
    for segment in loc:
        current = _descend(current, segment)
        if current is None:
            return []
    target = _as_model(current)
    if target is None:
        return []
    return [info.alias or name for name, info in target.model_fields.items()]


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def _members(tp: Any) -> tuple[Any, ...]:
    tp = _unwrap(tp)
    if get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(_unwrap(arg) for arg in get_args(tp) if arg is not type(None))
    return (tp,)


def _as_model(tp: Any) -> type[BaseModel] | None:
    models = [m for m in _members(tp) if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if len(models) == 1 else None


def _descend(tp: Any, segment: str | int) -> Any:
    """One step down the annotation tree; union tags in the location select a member."""
    members = _members(tp)
    for member in members:
        is_model = isinstance(member, type) and issubclass(member, BaseModel)
        if is_model and segment in (member.__name__, _tag_of(member)):
            return member
    for member in members:
        found = _child(member, segment)
        if found is not None:
            return found
    return None


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("type")
    if field is None or get_origin(field.annotation) is not Literal:
        return None
    args = get_args(field.annotation)
    return str(args[0]) if args else None


def _child(tp: Any, segment: str | int) -> Any:
    origin = get_origin(tp)
    if origin is list and isinstance(segment, int):
        return get_args(tp)[0]
    if origin is dict and isinstance(segment, str):
        return get_args(tp)[1]
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(segment, str):
        for name, info in tp.model_fields.items():
            if segment in (name, info.alias):
                return info.annotation
    return None
