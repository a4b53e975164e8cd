"""The Markdown export: the result document as a readable text file.

Why Markdown: it reads well as plain text, pastes into an e-mail or a note, and converts to
anything. The layout follows the result page: outcome, advice (most urgent first) with the steps
it cites and its facts, then the open steps per phase with what to do, then the answers given.
"""

from __future__ import annotations

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues

from ..autolinks import break_autolinks
from .document import AdviceEntry, ResultDocument, build_document
from .labels import advice_heading, cited_steps


def build_markdown(engine: Engine, progress: Progress, lang: str,
                   local: LocalValues | None = None) -> str:
    """The Markdown text of a walk's advice and checklist."""
    return document_markdown(build_document(engine, progress, lang, local))


def document_markdown(doc: ResultDocument) -> str:
    """Lay out a `ResultDocument`; split from `build_markdown` so tests can fix the date."""
    lab = doc.labels
    lines = [f"# {lab['app']}: {doc.title}", "", f"*{lab['subtitle']}*", "",
             f"- {lab['date']}: {doc.made_text}", f"- {lab['question']}: {doc.question}"]
    if doc.municipality:
        lines.append(f"- {lab['municipality']}: {doc.municipality}")
    lines.append("")
    if not doc.complete:
        lines += [f"> {lab['unfinished']}", ""]
    if doc.outcome_title:
        lines += [f"## {lab['outcome']}: {doc.outcome_title}", ""]
        lines += [doc.outcome_text, ""] if doc.outcome_text else []
    lines += [f"## {lab['advice']}", ""]
    for number, item in enumerate(doc.advice, 1):
        lines += _advice_lines(doc, number, item)
    if not doc.advice:
        lines += [lab["no_advice"], ""]
    lines += _checklist_lines(doc) + _answer_lines(doc)
    lines += ["---", "", f"*{lab['disclaimer']}*"]
    return defuse("\n".join(lines) + "\n")


def defuse(text: str) -> str:
    """Stop a Markdown viewer from fetching or linking anything: no images, no raw HTML, no
    links.

    Content and municipality values are shown as written, except that `[` (a link or an
    image, `[x](javascript:…)` least of all; the layout's own `- [ ]` boxes stay), `<` (raw
    HTML such as `<img>`) are escaped, and autolinks (`http://`, `www.`, e-mail addresses)
    are interrupted by an invisible word joiner (F13, vbestuur_app/autolinks.py).
    """
    escaped = text.replace("[", "\\[").replace("- \\[ ] ", "- [ ] ").replace("<", "&lt;")
    return break_autolinks(escaped)


def _advice_lines(doc: ResultDocument, number: int, item: AdviceEntry) -> list[str]:
    lab = doc.labels
    heading = advice_heading(number, item.title, item.urgency, doc.lang)
    lines = [f"### {heading}", "", item.text, ""]
    lines.append(f"- {lab['steps']}: {cited_steps(item.steps, item.step_titles, doc.lang)}")
    for fact in item.facts:
        where = f"{fact.source}, {fact.url}" if fact.url else fact.source
        lines.append(f"- {fact.statement} ({lab['source']}: {where}; "
                     f"{lab['checked']} {fact.checked})")
    if item.reasons:
        why = "; ".join(f"{q} {a}" for q, a in item.reasons)
        lines.append(f"- {lab['why']}: {why}")
    return [*lines, ""]


def _checklist_lines(doc: ResultDocument) -> list[str]:
    lab = doc.labels
    lines = [f"## {lab['checklist']}", ""]
    if not doc.open_groups:
        return [*lines, lab["no_open"], ""]
    for group in doc.open_groups:
        lines += [f"### {group.label}", ""]
        for step in group.steps:
            lines.append(f"- [ ] {lab['step'].capitalize()} {step.id}. {step.title} "
                         f"({step.status_label})")
            lines += [f"    - {action}" for action in step.actions]
        lines.append("")
    return lines


def _answer_lines(doc: ResultDocument) -> list[str]:
    if not doc.answers:
        return []
    lines = [f"## {doc.labels['answers']}", ""]
    lines += [f"- {question} **{answer}**" for question, answer in doc.answers]
    return [*lines, ""]
