"""Rule registration and the runner that turns findings into located problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Problem, Severity

if TYPE_CHECKING:
    from ..content import Content


@dataclass(frozen=True)
class Finding:
    """A problem found on an item: `kind`/`ident` name the item, `path` a key inside it."""

    kind: str
    ident: str | int
    path: tuple[str | int, ...]
    message: str


CheckFunction = Callable[["Content"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named check; `check` is None for rules enforced while parsing."""

    id: str
    doc: str
    severity: Severity
    check: CheckFunction | None


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = "error") -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under `rule_id`; its docstring documents the rule."""

    def register(func: CheckFunction) -> CheckFunction:
        RULES[rule_id] = Rule(rule_id, func.__doc__ or "", severity, func)
        return func

    return register


def parse_rule(rule_id: str, doc: str) -> None:
    """Register a rule that the loader or the schema enforces."""
    RULES[rule_id] = Rule(rule_id, doc, "error", None)


def run_checks(content: Content, warnings: bool = True) -> list[Problem]:
    """Run every registered check over parsed content; return the located problems.

    `warnings=False` skips rules that can only warn (readability): they help authors but
    cost half a second of app start-up and change nothing about what is shown.
    """
    problems: list[Problem] = []
    for registered in RULES.values():
        if registered.check is None or (registered.severity == "warning" and not warnings):
            continue
        for finding in registered.check(content):
            file, line, col = content.locate(finding.kind, finding.ident, *finding.path)
            problems.append(Problem(file, line, col, registered.id, finding.message,
                                    registered.severity))
    return sorted(set(problems))
