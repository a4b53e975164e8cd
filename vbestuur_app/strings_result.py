"""The app's words for the layered result page (issue 10 §3), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE`; keys are (nl, en) pairs like the frame's. Dutch is
written at B1 level and uses "u".
"""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "layer.now": ("Doe nu", "Do now"),
    "layer.today": ("Vandaag / deze week", "Today / this week"),
    "layer.later": ("Goed om te weten", "Good to know"),
    "layer.later_count": ("Goed om te weten ({count})", "Good to know ({count})"),
    "call.button": ("Bel {name}: {number}", "Call {name}: {number}"),
    "call.button_112": ("Bel 112", "Call 112"),
    "card.details": ("Waarom en bronnen", "Why, and the sources"),
    "card.steps": ("Uit de leidraad", "From the guideline"),
    "card.facts": ("Feiten en bronnen", "Facts and sources"),
    "card.reasons": ("Uw antwoorden die tot dit advies leidden", "Your answers that led here"),
    "checklist.folded.many": ("Checklist: nog {count} stappen open",
                              "Checklist: {count} steps open"),
    "checklist.folded.one": ("Checklist: nog 1 stap open", "Checklist: 1 step open"),
    "summary.title": ("Samenvatting", "Summary"),
    "summary.first": ("Doe dit eerst", "Do this first"),
    "summary.none_open": ("Alle stappen zijn geregeld of gelden niet voor u.",
                          "All steps are arranged or do not apply to you."),
    "summary.arranged": ("{phase}: {percent}% geregeld ({done} geregeld, {partial} deels, "
                         "{open} nog niet)",
                         "{phase}: {percent}% arranged ({done} arranged, {partial} partly, "
                         "{open} not yet)"),
    "summary.prepared": ("{phase}: {percent}% klaar. U weet wat u moet doen en hebt het "
                         "klaar ({done} ja, {partial} deels, {open} nog niet)",
                         "{phase}: {percent}% ready. You know what to do and have it ready "
                         "({done} yes, {partial} partly, {open} not yet)"),
    "summary.mixed": ("{phase}: {percent}% geregeld of klaar ({done} ja, {partial} deels, "
                      "{open} nog niet)",
                      "{phase}: {percent}% arranged or ready ({done} yes, {partial} partly, "
                      "{open} not yet)"),
    "chart.prepared": ("{phase} (weet wat te doen)", "{phase} (know what to do)"),
    "review.role_kept": ("Uw rol hebt u eerder in dit bezoek gekozen. U kunt die hier wijzigen.",
                         "You chose your role earlier in this visit. You can change it here."),
}
