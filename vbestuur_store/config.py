"""Where the data lives and how long unused data is kept, read from the environment.

Why environment variables: `make run` must work on a fresh machine with nothing configured (an
SQLite file under the project), while an operator moves to PostgreSQL by setting one variable.
Nothing else in the package reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from vbestuur_store.errors import InvalidValue

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
SQLITE_FILE = "vbestuur.sqlite"
DEFAULT_RETENTION_DAYS = 90

ENV_URL = "VBESTUUR_DATABASE_URL"
ENV_DATA_DIR = "VBESTUUR_DATA_DIR"
ENV_RETENTION = "VBESTUUR_RETENTION_DAYS"
ENV_PIN = "VBESTUUR_GRIFFIE_PIN"


@dataclass(frozen=True)
class StoreConfig:
    """The resolved settings: a SQLAlchemy URL and the retention period in days."""

    url: str
    retention_days: int = DEFAULT_RETENTION_DAYS


def normalise_url(url: str) -> str:
    """Pick the psycopg 3 driver for a plain postgres URL.

    Why: operators write `postgresql://…` (or Heroku-style `postgres://…`); SQLAlchemy would then
    look for psycopg2, which is not installed.
    """
    from sqlalchemy.engine import make_url  # here: SQLite's default needs no SQLAlchemy yet

    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file (its folder is created when the store opens)."""
    return f"sqlite:///{path}"


def retention_from(env: Mapping[str, str]) -> int:
    """The retention period; a value that is not a positive whole number is refused loudly."""
    raw = env.get(ENV_RETENTION, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidValue(field=ENV_RETENTION)
    return int(raw)


def load_config(env: Mapping[str, str] | None = None) -> StoreConfig:
    """Resolve the settings from `env` (default: the process environment)."""
    env = os.environ if env is None else env
    url = env.get(ENV_URL, "").strip()
    if url:
        url = normalise_url(url)
    else:
        data_dir = Path(env.get(ENV_DATA_DIR, "").strip() or DEFAULT_DATA_DIR)
        url = sqlite_url(data_dir / SQLITE_FILE)
    return StoreConfig(url=url, retention_days=retention_from(env))
