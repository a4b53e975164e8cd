"""`python -m vbestuur_service.i18n` (`make mo`): compile every language's `.po` to its `.mo`."""

from .catalogue import languages, write_mo

for lang in languages():
    write_mo(lang)
