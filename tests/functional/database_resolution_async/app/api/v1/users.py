from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.dependencies.database import get_db_session  # [database-import]
from app.models import User

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.get("/{user_id}")
async def read_user(user_id: int, session: AsyncSession = Depends(get_db_session)):
    user = await session.get(User, user_id)  # [direct-database-access]
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return {"id": user.id, "name": user.name}


@router.get("/")
async def list_users(session: Annotated[AsyncSession, Depends(get_db_session)], limit: int = 50):
    result = await session.execute(select(User).where(User.active).limit(limit))  # [direct-database-access]
    return [{"id": user.id, "name": user.name} for user in result.scalars()]


@router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_user(
    user_id: int,
    session: Annotated[AsyncSession, Depends(get_db_session)],
) -> None:
    user = await session.get(User, user_id)  # [direct-database-access]
    await session.delete(user)  # [direct-database-access]
    await session.commit()  # [direct-database-access]
