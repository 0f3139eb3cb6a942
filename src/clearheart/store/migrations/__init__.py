"""Alembic migrations; run by clearheart.store.migrate, never by hand."""
