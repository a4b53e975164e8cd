"""Alembic migrations of the vbestuur store (run programmatically, see `vbestuur_store.migrate`)."""
