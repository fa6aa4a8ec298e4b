from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.dependencies.database import get_db_session  # [database-import]
from app.models import User


async def rename(session: AsyncSession, user_id: int, name: str) -> None:
    user = await session.get(User, user_id)  # [direct-database-access]
    user.name = name.strip()
    await session.commit()  # [direct-database-access]


async def deactivate_all(session: AsyncSession) -> int:
    statement = update(User).where(User.active).values(active=False)
    result = await session.execute(statement)  # [direct-database-access]
    return result.rowcount


async def count_active() -> int:
    async with get_db_session() as session:  # [direct-database-access]
        result = await session.execute(text("SELECT COUNT(*) FROM users WHERE active"))  # [direct-database-access]
    return result.scalar_one()
