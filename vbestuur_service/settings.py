"""Every `VBESTUUR_*` setting, read once into one frozen, typed object.

Why one place: the environment used to be read in six modules (the store's config, the PIN,
the workshop period, the content folder, the public address and the workshop's own store
handle). A setting read in several places can be read differently; here each variable is read
once per process, when the runtime is opened, and every use case gets the same values.

Why the store's own helpers are used: the store knows its defaults (an SQLite file under
data/, 90 days) and how to refuse a bad value (`InvalidValue`), so those rules stay with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vbestuur_engine.content import PROJECT_ROOT
from vbestuur_store.config import DEFAULT_DATA_DIR, ENV_DATA_DIR, ENV_PIN, load_config
from vbestuur_store.errors import InvalidValue
from vbestuur_store.workshop_settings import workshop_days

from .proxies import trusted_proxies

ENV_CONTENT = "VBESTUUR_CONTENT"
ENV_PUBLIC_URL = "VBESTUUR_PUBLIC_URL"
ENV_OIDC_ROLE_CLAIM = "VBESTUUR_OIDC_ROLE_CLAIM"
ENV_OIDC_NAME_CLAIM = "VBESTUUR_OIDC_NAME_CLAIM"
ENV_ACCESSIBILITY_URL = "VBESTUUR_ACCESSIBILITY_URL"
ENV_METRICS_TOKEN = "VBESTUUR_METRICS_TOKEN"
ENV_COMPRESS = "VBESTUUR_COMPRESS"
ENV_LEAN_STATIC = "VBESTUUR_LEAN_STATIC"
# The incident register (issue 16, docs/privacy.md): its key(s), or a file holding them, and
# how many years an incident is kept after the day it happened.
ENV_REGISTER_KEY = "VBESTUUR_REGISTER_KEY"
ENV_REGISTER_KEY_FILE = "VBESTUUR_REGISTER_KEY_FILE"
ENV_REGISTER_YEARS = "VBESTUUR_REGISTER_YEARS"
DEFAULT_REGISTER_YEARS = 2  # a full year for step 20's evaluation plus the year before it
MAX_REGISTER_YEARS = 10


def register_years(env: Mapping[str, str]) -> int:
    """VBESTUUR_REGISTER_YEARS: a whole number of years from 1 to 10, default 2.

    Why refuse rather than guess: a typo in a retention period must not keep data longer
    (or delete it sooner) than the municipality decided.
    """
    raw = env.get(ENV_REGISTER_YEARS, "").strip()
    if not raw:
        return DEFAULT_REGISTER_YEARS
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_REGISTER_YEARS:
        raise InvalidValue(field=ENV_REGISTER_YEARS)
    return int(raw)


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one process. The PIN and the metrics token are kept out of
    `repr` (and logs)."""

    content_root: Path
    database_url: str
    retention_days: int
    workshop_days: int
    public_url: str = ""
    accessibility_url: str = ""  # the municipality's own toegankelijkheidsverklaring
    griffie_pin: str = field(default="", repr=False)
    oidc_role_claim: str = "roles"  # the ID-token claim that lists the app's roles
    oidc_name_claim: str = "email"  # the claim recorded as the editor's name
    metrics_token: str = field(default="", repr=False)  # opens /_stcore/metrics (asgi_metrics)
    compress: str = "on"  # on, gzip or off (asgi_compress)
    lean_static: bool = True  # the app's own icon subset, no Source Sans (asgi_static)
    register_key: str = field(default="", repr=False)  # Fernet key(s), newest first
    register_key_file: str = ""  # or a file with one key per line, newest first
    register_years: int = DEFAULT_REGISTER_YEARS
    content_cache: Path | None = None  # the checked content between starts (engine cache.py)
    trusted_proxies: tuple[str, ...] = ()  # whose X-Forwarded-For is believed (proxies.py)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from `env` (default: the process environment).

        A value that does not fit (a retention period of "abc") raises the store's
        `InvalidValue`: a wrong setting is refused loudly, never guessed.
        """
        env = os.environ if env is None else env
        store = load_config(env)
        content = env.get(ENV_CONTENT, "").strip()
        return cls(content_root=Path(content) if content else PROJECT_ROOT,
                   database_url=store.url, retention_days=store.retention_days,
                   workshop_days=workshop_days(env),
                   public_url=env.get(ENV_PUBLIC_URL, "").strip().rstrip("/"),
                   accessibility_url=env.get(ENV_ACCESSIBILITY_URL, "").strip(),
                   griffie_pin=env.get(ENV_PIN, ""),
                   oidc_role_claim=env.get(ENV_OIDC_ROLE_CLAIM, "").strip() or "roles",
                   oidc_name_claim=env.get(ENV_OIDC_NAME_CLAIM, "").strip() or "email",
                   metrics_token=env.get(ENV_METRICS_TOKEN, "").strip(),
                   compress=env.get(ENV_COMPRESS, "").strip().lower() or "on",
                   lean_static=env.get(ENV_LEAN_STATIC, "").strip().lower() != "off",
                   register_key=env.get(ENV_REGISTER_KEY, "").strip(),
                   register_key_file=env.get(ENV_REGISTER_KEY_FILE, "").strip(),
                   register_years=register_years(env),
                   content_cache=Path(env.get(ENV_DATA_DIR, "").strip() or DEFAULT_DATA_DIR)
                   / "cache",
                   trusted_proxies=trusted_proxies(env))

    def store_env(self) -> dict[str, str]:
        """What `open_store` may still read: only the PIN, so it reads no environment."""
        return {ENV_PIN: self.griffie_pin} if self.griffie_pin else {}
