"""FastAPI dependencies that hand out database sessions."""

from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

DATABASE_URL = "postgresql+asyncpg://app:app@postgres:5432/app"

_engine = create_async_engine(DATABASE_URL, pool_pre_ping=True)
_sessions = async_sessionmaker(_engine, expire_on_commit=False)


async def get_db_session() -> AsyncIterator[AsyncSession]:
    async with _sessions() as session:
        try:
            yield session
        except Exception:
            await session.rollback()
            raise
