"""Storage: SQLAlchemy 2 models, Alembic migrations and repositories.

Callers outside this package see pydantic records (:mod:`aibudget.store.records`) and
the repository functions; ORM rows never leave the package.
"""
