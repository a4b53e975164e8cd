"""Plain-data views of walks, for the CLI's JSON and Markdown (a contract other tools read).

Why here and not in the CLI: the app's exports and the CLI must describe a result the same way.
"""

from __future__ import annotations

from typing import Any

from .conditions import Answer
from .content import Content
from .graph import CompiledFlow
from .layers import LAYER_TITLES, call_for, layer_of
from .schema import LocalValues, QuestionNode
from .text import render
from .walk import Progress

YESNO_LABELS = {"ja": ("Ja", "Yes"), "nee": ("Nee", "No"),
                "weet-niet": ("Weet ik niet", "I don't know")}


def option_label(node: QuestionNode, value: str, lang: str) -> str:
    """The label of an option; yes/no questions may leave labels to these defaults."""
    for option in node.options:
        if option.value == value and option.label is not None:
            return option.label.get(lang)
    nl, en = YESNO_LABELS.get(value, (value, value))
    return en if lang == "en" else nl


def plain_answers(answers: dict[str, Answer] | Any) -> dict[str, str | list[str]]:
    return {q: (a if isinstance(a, str) else list(a)) for q, a in answers.items()}


def advice_list(progress: Progress, content: Content, lang: str,
                local: LocalValues | None = None, facts: bool = True) -> list[dict[str, Any]]:
    """The advice in shown order; with `facts`, also its facts and its layer of the result
    (`layer`, the short `action` and the number to `call` as dialled, or null)."""
    result = []
    for hit in progress.advice:
        advice = hit.advice
        item: dict[str, Any] = {"id": advice.id,
                                "text": render(advice.text, lang, content.terms, local),
                                "steps": list(advice.steps)}
        if facts:
            call = call_for(advice, content.facts)
            item["facts"] = list(advice.facts)
            item["layer"] = layer_of(advice)
            item["action"] = advice.action.get(lang) if advice.action else None
            item["call"] = call.dial if call else None
        result.append(item)
    return result


def checklist_groups(progress: Progress) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {"open": [], "partial": [], "done": [], "na": []}
    for item in progress.checklist:
        groups[item.status].append(item.step.id)
    return groups


def path_record(progress: Progress, content: Content, lang: str) -> dict[str, Any]:
    """One element of `vbestuur paths --format json`."""
    return {"answers": plain_answers(progress.answers), "outcome": progress.outcome,
            "advice": advice_list(progress, content, lang, facts=False),
            "checklist": checklist_groups(progress)}


def advise_record(progress: Progress, compiled: CompiledFlow, content: Content, lang: str,
                  local: LocalValues | None = None) -> dict[str, Any]:
    """The JSON of `vbestuur advise`."""
    question = None
    if progress.next_question is not None:
        node = compiled.node(progress.next_question)
        assert isinstance(node, QuestionNode)
        question = {"id": progress.next_question, "text": node.text.get(lang),
                    "kind": node.kind,
                    "options": [{"value": o.value, "label": option_label(node, o.value, lang)}
                                for o in node.options]}
    return {"flow": compiled.id, "complete": progress.complete, "next_question": question,
            "advice": advice_list(progress, content, lang, local),
            "checklist": [{"step": i.step.id, "title": i.step.title.get(lang),
                           "status": i.status} for i in progress.checklist]}


def advise_markdown(record: dict[str, Any], lang: str) -> str:
    """The Markdown of `vbestuur advise --format md`."""
    nl = lang != "en"
    lines = [f"# {record['flow']}", ""]
    if record["next_question"]:
        lines += [("Volgende vraag: " if nl else "Next question: ")
                  + record["next_question"]["text"], ""]
    lines.append("## Advies" if nl else "## Advice")
    for layer, title in LAYER_TITLES.items():
        items = [item for item in record["advice"] if item["layer"] == layer]
        if items:
            lines += ["", f"### {title.get(lang)}"]
        for item in items:
            steps = ", ".join(str(s) for s in item["steps"])
            lines.append(f"- {item['text']} ({'stap' if nl else 'step'} {steps})")
    lines += ["", "## Checklist"]
    for item in record["checklist"]:
        lines.append(f"- [{'x' if item['status'] == 'done' else ' '}] "
                     f"{item['step']}. {item['title']} ({item['status']})")
    return "\n".join(lines) + "\n"
