"""Database session dependencies for FastAPI routes."""

from __future__ import annotations

import functools
from contextlib import asynccontextmanager
from typing import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from plexichat.core.config import get_config


@functools.lru_cache(maxsize=1)
def _session_factory() -> async_sessionmaker:
    engine = create_async_engine(get_config("database.sql_url"), pool_pre_ping=True)
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_db_session() -> AsyncIterator[AsyncSession]:
    """Yield one session per request; commit on success, roll back on error.

    Use as ``session: AsyncSession = Depends(get_db_session)``.
    """
    async with _session_factory()() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise


#: Same lifecycle outside a request: ``async with db_session() as session: ...``
db_session = asynccontextmanager(get_db_session)


async def get_vector_db_dependency():
    """The vector store for routes that search it directly: ``Depends(get_vector_db_dependency)``."""
    from plexichat.core.database.factories import DatabaseFactory

    return DatabaseFactory.create_vector_db(get_config("database.vector_url"))
