"""Alembic environment: runs on the connection handed over by `vbestuur_store.migrate`.

Why no alembic.ini and no URL here: the app upgrades its own database on start, inside the
transaction (and, on PostgreSQL, the advisory lock) that `migrate.upgrade_to` opened, so two
processes starting at once cannot both migrate.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from vbestuur_store import (  # noqa: F401  (register tables)
    models_accounts,
    models_incidents,
    models_workshop,
)
from vbestuur_store.models import Base


def run_migrations_online() -> None:
    """Run the migrations on the connection passed in `config.attributes`."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through vbestuur_store.migrate, not the alembic CLI")
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
