"""Helpers shared by the storage tests: a hand-moved clock and a full dump of the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, MetaData, select


class FakeClock:
    """A clock the test moves by hand (retention, PIN lock-outs)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def dump(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table actually in the database (reflected, not from the models)."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {name: [tuple(row) for row in conn.execute(select(table))]
                for name, table in meta.tables.items()}


def tables_with_column(engine: Engine, column: str) -> list[str]:
    """The names of the tables in the database that have a column of that name."""
    meta = MetaData()
    meta.reflect(engine)
    return sorted(name for name, table in meta.tables.items() if column in table.c)


def text_of(rows: dict[str, list[tuple[object, ...]]]) -> str:
    """All values of a dump as one string, to search for secrets and personal data."""
    return "\n".join(repr(row) for table in rows.values() for row in table)
