"""Problems and typed errors.

Why: error messages are part of the interface. A content author gets every problem at once as
`path:line:col: RULE-ID message`; a program gets typed exceptions it can catch narrowly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the content, pointing at the author's line and column (1-based)."""

    file: str
    line: int
    col: int
    rule: str
    message: str
    severity: Severity = field(default="error", compare=False)

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else " (warning)"
        return f"{self.file}:{self.line}:{self.col}: {self.rule}{tag} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by `vbestuur check --format json`."""
        return {"file": self.file, "line": self.line, "col": self.col, "rule": self.rule,
                "message": self.message, "severity": self.severity}


class VbestuurError(Exception):
    """Base class of every error the engine raises on purpose."""


class ContentError(VbestuurError):
    """The content does not validate; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the content:\n{lines}")


class UnknownFlowError(VbestuurError):
    """A flow id that the content does not define."""


class UnknownQuestionError(VbestuurError):
    """An answer for a question id that the flow does not have."""


class InvalidAnswerError(VbestuurError):
    """An answer that is not among the question's options, or of the wrong shape."""
