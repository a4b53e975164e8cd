"""The hand-written decisions of `i18n_codemod.py`: plurals, contexts, fixes and key families.

Why a separate file: the codemod's mechanics are generic (find catalogues, rewrite calls, write
`.po` files); what a human decided while reading the review lives here, in one place to check.
One-off migration support (issue 11); removed together with `i18n_codemod.py`.
"""

from __future__ import annotations

from typing import Final

# Hand-written plural pairs: `t("a" if n == 1 else "b", count=n)` becomes ngettext. The
# singular text replaces the catalogue's where that hard-coded the number ("nog 1 vraag").
PLURAL_PAIRS: Final[dict[tuple[str, str], tuple[str, str] | None]] = {
    ("ask.left_one", "ask.left_many"): None,
    ("ask.left_maybe_one", "ask.left_maybe"):
        ("daarna misschien nog {count} vraag", "maybe {count} more question after this"),
}

# Keys whose one text stood for both numbers ("probleem of problemen", "problem(s)") or only
# for one ("1 eerder antwoord", "1 deelnemers"): (nl singular, nl plural, en singular, en plural).
# The number is the call's `count=` argument.
SPLIT_PLURALS: Final[dict[str, tuple[str, str, str, str]]] = {
    "invalid.count": ("{count} probleem gevonden.", "{count} problemen gevonden.",
                      "{count} problem found.", "{count} problems found."),
    "ask.dropped": (
        "{count} eerder antwoord hoort niet meer bij uw route en is weggehaald.",
        "{count} eerdere antwoorden horen niet meer bij uw route en zijn weggehaald.",
        "{count} earlier answer no longer fits your route and was removed.",
        "{count} earlier answers no longer fit your route and were removed."),
    "ws.screen.joined": ("{count} deelnemer", "{count} deelnemers",
                         "{count} participant", "{count} participants"),
}

# The same Dutch with two English renderings needs a pgettext context. Every key of such a
# collision must be named here; the codemod stops if one is not.
CONTEXTS: Final[dict[str, str]] = {
    "nw.edit": "button: edit a row",
    "griffie.lock_h": "heading: who is editing",
    "ws.login.go": "button: open the console",
    "griffie.unlock": "button: unlock with the PIN",
    "ws.export.verdict": "export: the room's verdict",
    "ws.screen.verdict": "screen: the room's verdict",
}

# English made consistent across the app: none. (The workshop content says "Don't know" for
# weet-niet and the catalogue must say what the content says; tests/app/test_workshop_parts.py.)
EN_FIXES: Final[dict[str, tuple[str, str]]] = {}
# The same fix in test expectations (string literals under tests/).
TEST_TEXT_FIXES: Final[tuple[tuple[str, str], ...]] = ()

# Keys built at run time (`t(f"phase.{p}")`, `t("nw.missing." + gap)`): each family becomes a
# dict of Dutch msgids per value in `vbestuur_service/i18n/words.py`, and the call becomes
# `_(PHASES[p])`. (prefix, suffix) -> (dict name, values). Where one (prefix, suffix) serves two
# families, the value expression's source text picks one: (prefix, suffix, expression).
FAMILIES: Final[dict[tuple[str, ...], tuple[str, tuple[str, ...]]]] = {
    ("door.", ""): ("DOORS", ("incident", "vraag", "gereedheid", "organisatie")),
    ("door.", ".help"): ("DOOR_HELP", ("incident", "vraag", "gereedheid", "organisatie")),
    ("phase.", ""): ("PHASE_NAMES", ("vooraf", "tijdens", "erna")),
    ("result.", "", "kind"): ("EXPORT_LABELS", ("pdf", "md", "csv", "ics")),
    ("result.", "", "item.status"): ("CHECKLIST_STATUS", ("partial", "done", "na")),
    ("result.urgency.", ""): ("URGENCY", ("now", "today", "soon", "plan")),
    ("map.kind.", ""): ("MAP_KINDS", ("question", "info", "outcome")),
    ("ws.opt.", ""): ("WS_OPTIONS", ("ja", "deels", "nee", "weet-niet")),
    ("ws.verdict.", ""): ("WS_VERDICTS", ("ja", "deels", "nee", "weet-niet")),
    ("ws.form.", ""): ("WS_FORMS", ("uitschelden", "beledigen", "bedreiging",
                                    "bedreiging-familie", "stalken", "fysieke-agressie",
                                    "geen")),
    ("org.", ""): ("ORG_STATUS", ("open", "deels", "geregeld", "nvt")),
    ("org.field_", ""): ("ORG_FIELDS", ("status", "owner", "due", "note")),
    ("profile.text_", ""): ("PROFILE_TEXT_LANG", ("nl", "en")),
    ("nw.missing.", ""): ("NW_MISSING", ("national", "police", "confidant")),
    ("nw.kind.", ""): ("NW_KINDS", ("landelijk", "gemeente", "vertrouwenspersoon",
                                    "sparringpartner", "eigen")),
    ("nw.x.col_", ""): ("NW_COLUMNS", ("kind", "name", "role", "phone", "note", "source",
                                       "checked")),
    ("nw.x.", "_text"): ("NW_REMINDER_TEXT", ("eval", "term")),
    ("nw.x.", "_summary"): ("NW_REMINDER_SUMMARY", ("eval", "term")),
}

# Functions that looked a key up in the tuple catalogues, by name; calls to them are rewritten.
# "web": the lookup defaults to the session's language (`vbestuur_app.i18n.t`); "service": the
# caller always passes `lang` (`netwerk.labels.label`).
LOOKUPS: Final[dict[str, str]] = {"t": "web", "label": "service"}
SERVICE_I18N: Final = "vbestuur_service.i18n"
WORDS_MODULE: Final = "vbestuur_service.i18n.words"
