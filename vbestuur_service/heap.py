"""Keep the cyclic garbage collector off what lives as long as the server process.

Why (issue 15, measured with bench/crowd_profile.py): a full (generation 2) collection walks
every tracked object of the process: Streamlit, the app's modules, the loaded content
(pydantic models, networkx graphs) and SQLAlchemy, about 200,000 objects. Under the
50-session crowd one came every half minute and cost 140-160 ms of CPU while holding the GIL,
so every page in flight stood still for 200-300 ms. These objects are made once and never
become garbage, so after they are loaded `gc.freeze()` moves them to the permanent
generation, which no collection walks; what the sessions make is still collected as before.

Why only in the server: the ASGI lifespan calls `enable()`, and `disable()` when the server
stops. A test process loads content again and again; there a freeze would also keep what
earlier tests left behind.
Why no `gc.collect()` before a freeze: it would cost the cold start a full collection
(issue 15), and the content is loaded with the collector paused and leaves almost no
garbage (30 objects when measured); the little that is frozen with it is kept, once.
"""

from __future__ import annotations

import gc
import logging

LOG = logging.getLogger(__name__)
_ENABLED = False


def enable() -> None:
    """From now on `settle()` freezes (the server's lifespan calls this once)."""
    global _ENABLED
    _ENABLED = True
    settle()


def settle() -> None:
    """Freeze everything alive now, when enabled: call it after loading what lives long
    (the content, the store's code)."""
    if _ENABLED:
        gc.freeze()
        LOG.debug("heap: %d objects frozen", gc.get_freeze_count())


def disable() -> None:
    """The server stopped: freeze nothing more, and let the collector see everything again."""
    global _ENABLED
    _ENABLED = False
    gc.unfreeze()
