"""The one place where a failing database becomes a typed, calm error.

Why here: the pages must never see a driver exception. Before, five web modules caught
`SQLAlchemyError` and the workshop pages caught none, so with the database down the home page
degraded calmly and the facilitator page showed an exception box. Every store call of the web
layer now goes through `Runtime.use`, which turns a driver or file-system failure into
`StorageUnavailable`, a `StoreError` like every other; the web layer handles only those.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TypeVar

from vbestuur_store import StoreError

LOG = logging.getLogger(__name__)
T = TypeVar("T")


class StorageUnavailable(StoreError):
    """The database cannot be reached (or the data folder cannot be written)."""

    code = "unavailable"


def mapped(action: Callable[[], T]) -> T:
    """Run `action`; a storage failure that is not a `StoreError` becomes one (and is logged
    for the operator, with the cause; the person only sees the calm message)."""
    try:
        return action()
    except StoreError:
        raise
    except Exception as err:
        if not is_storage_failure(err):
            raise
        LOG.exception("storage unavailable")
        raise StorageUnavailable() from err


def is_storage_failure(err: BaseException) -> bool:
    """A file-system error or any SQLAlchemy error.

    Why through `sys.modules`: SQLAlchemy is imported with the store, when a page first needs
    it (issue 15); before that no SQLAlchemy error can exist, and this module must not import
    it for the start of every process."""
    exc = sys.modules.get("sqlalchemy.exc")
    return isinstance(err, OSError) or (exc is not None and isinstance(err, exc.SQLAlchemyError))
