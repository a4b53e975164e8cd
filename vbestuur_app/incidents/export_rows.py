"""What the register's exports contain, worded in the reader's language.

Why identities only where chosen: a selection goes to the police or the driehoek. The name and
contact of the office holder appear only when they chose "met mijn naam" (the service leaves
them empty otherwise, and this module prints "anoniem"); what is known of the perpetrator is
what the register is for. Why the summary suppresses: a cell below k could point at one
person, so it reads "minder dan k", never a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from vbestuur_engine import Engine
from vbestuur_engine.report import option_label
from vbestuur_engine.schema import QuestionNode
from vbestuur_service.i18n import N_
from vbestuur_service.incidents import Figures, IncidentDetail
from vbestuur_service.localtime import format_day, format_moment

from ..exports.incidents import Section
from ..i18n import _, ngettext
from . import words as w

COLUMNS = (N_("nummer"), N_("moment"), N_("waar"), N_("platform"), N_("wat"),
           N_("rol"), N_("status"), N_("beschrijving"), N_("dader: naam"),
           N_("dader: accountnamen"), N_("dader: telefoon"), N_("dader: e-mail"),
           N_("dader: beschrijving"), N_("melding of aangifte"),
           N_("registratienummer politie"), N_("VPT-code gevraagd"), N_("melder"),
           N_("contact melder"), N_("aanvullingen"))


def labeller(engine: Engine, question: str, lang: str) -> Callable[[str], str]:
    node = engine.flow("incident").node(question)
    assert isinstance(node, QuestionNode)
    return lambda value: option_label(node, value, lang)


def _vpt(value: bool | None, lang: str) -> str:
    return "" if value is None else (_("ja", lang) if value else _("nee", lang))


def detail_row(engine: Engine, item: IncidentDetail, lang: str) -> list[str]:
    """One incident as the CSV's cells (plain text: the CSV builder neutralises)."""
    given, summary = item.draft, item.summary
    forms, roles = labeller(engine, "wat", lang), labeller(engine, "rol", lang)
    who = given.perpetrator
    return [summary.incident_id, format_moment(given.occurred_at, lang),
            _(w.CHANNELS.get(given.channel, given.channel), lang), given.platform,
            "; ".join(forms(f) for f in given.forms), roles(given.role) if given.role else "",
            _(w.STATUSES.get(summary.status, summary.status), lang), given.description,
            who.name, "; ".join(who.handles), "; ".join(who.phones), "; ".join(who.emails),
            who.description, _(w.REPORTED.get(given.reported, given.reported), lang),
            given.police_number, _vpt(given.vpt_code_asked, lang),
            given.reporter_name if summary.named else _("anoniem", lang),
            given.reporter_contact if summary.named else "",
            " | ".join(f"{format_day(a.at.date(), lang)}: {a.text}" for a in item.additions)]


def detail_table(engine: Engine, items: Sequence[IncidentDetail],
                 lang: str) -> tuple[list[str], list[list[str]]]:
    return [_(c, lang) for c in COLUMNS], [detail_row(engine, i, lang) for i in items]


def detail_sections(engine: Engine, items: Sequence[IncidentDetail],
                    lang: str) -> list[Section]:
    """One PDF section per incident: every filled cell as "column: value"."""
    header, rows = detail_table(engine, items, lang)
    sections = []
    for item, row in zip(items, rows, strict=True):
        lines = tuple(f"{h}: {v}" for h, v in zip(header[2:], row[2:], strict=True) if v)
        sections.append(Section(_("Incident van {moment}", lang,
                                  moment=format_moment(item.draft.occurred_at, lang)), lines))
    return sections


def export_intro(count: int, lang: str, today: dt.date) -> list[str]:
    return [_("Vertrouwelijk. Gemaakt op {day} door de coördinator, voor politie en "
              "driehoek.", lang, day=format_day(today, lang)),
            ngettext("{count} incident", "{count} incidenten", count, lang, count=count)]


def cell(value: int | None, k: int, lang: str) -> str:
    return str(value) if value is not None else _("minder dan {k}", lang, k=k)


def figures_table(engine: Engine, figures: Figures,
                  lang: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the k-suppressed summary: dimension, value, count."""
    forms, roles = labeller(engine, "wat", lang), labeller(engine, "rol", lang)
    parts: list[tuple[str, dict[str, int | None], Callable[[str], str]]] = [
        (_("per maand", lang), figures.by_month, str),
        (_("per vorm", lang), figures.by_form, forms),
        (_("per kanaal", lang), figures.by_channel,
         lambda c: _(w.CHANNELS.get(c, c), lang)),
        (_("per rol", lang), figures.by_role, roles)]
    rows = [[_("totaal", lang), "", cell(figures.total, figures.k, lang)]]
    for name, counts, label in parts:
        rows += [[name, label(key), cell(n, figures.k, lang)] for key, n in counts.items()]
    return [_("indeling", lang), _("waarde", lang), _("aantal", lang)], rows
