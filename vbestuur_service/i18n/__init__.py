"""The one message catalogue: gettext `.po` files compiled with Babel, one translator per language.

Content (questions, advice, steps) keeps its own `nl`/`en` fields in the YAML; everything else a
person reads comes from `vbestuur_service/locale/<lang>/LC_MESSAGES/vbestuur.po`. See README,
"Languages", for extracting, updating and compiling the catalogues.
"""

from .catalogue import languages
from .translator import (
    DEFAULT_LANG,
    N_,
    Coded,
    Translator,
    _,
    message_text,
    ngettext,
    pgettext,
    supported,
    translator,
)

__all__ = ["DEFAULT_LANG", "N_", "Coded", "Translator", "_", "languages", "message_text",
           "ngettext", "pgettext", "supported", "translator"]
