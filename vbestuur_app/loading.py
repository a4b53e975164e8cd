"""The content for this process: the runtime's one engine, or the problems that prevent one.

Why no cache here: the process's `Runtime` (vbestuur_service.runtime) loads the content once,
from `VBESTUUR_CONTENT` as read into its settings, and every session shares the result.
"""

from __future__ import annotations

from vbestuur_service import runtime
from vbestuur_service.content import Loaded, app_version, content_version

__all__ = ["Loaded", "app_version", "content_version", "load"]


def load() -> Loaded:
    """The engine (or problems) for the configured content folder, shared by all sessions."""
    return runtime.current().loaded
