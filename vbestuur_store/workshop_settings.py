"""How long a workshop is kept (VBESTUUR_WORKSHOP_DAYS), apart from workshop.py.

Why its own module: the settings read it when the process starts, and workshop.py imports
SQLAlchemy and the store; a process that starts should not pay for those before a page needs
the database (issue 15). workshop.py re-exports these names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from vbestuur_store.errors import InvalidValue

ENV_DAYS = "VBESTUUR_WORKSHOP_DAYS"
DEFAULT_DAYS = 7


def workshop_days(env: Mapping[str, str] | None = None) -> int:
    """How many days a workshop is kept: VBESTUUR_WORKSHOP_DAYS, default 7.

    Read here and not in config.py because it only concerns workshop mode; a value that is not
    a positive whole number is refused loudly, as for the retention period.
    """
    raw = (os.environ if env is None else env).get(ENV_DAYS, "").strip()
    if not raw:
        return DEFAULT_DAYS
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidValue(field=ENV_DAYS)
    return int(raw)
