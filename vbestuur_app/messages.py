"""The one place where a storage error becomes a sentence for the person.

Why one place: the store and the service report *what* went wrong as a typed error; which
words a person reads, in which language, is the web layer's job. Every page shows a storage
problem through `error_text`, so the same problem reads the same everywhere.
"""

from __future__ import annotations

from vbestuur_service.errors import StorageUnavailable
from vbestuur_store import StoreError

from .i18n import current_lang, t


def error_text(err: StoreError) -> str:
    """The calm sentence for a storage problem, in this session's language."""
    if isinstance(err, StorageUnavailable):
        return t("store.down")
    return err.message(current_lang())
