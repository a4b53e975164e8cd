"""The app's words for workshop mode (issue 6), in Dutch and English.

Merged into `vbestuur_app.i18n.CATALOGUE`; keys are (nl, en) pairs like the frame's.
"""

from __future__ import annotations

from typing import Final

STRINGS: Final[dict[str, tuple[str, str]]] = {}
