from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from app.database import AllDatabasesUnavailableError, get_fallback_manager
from app.models import Message

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

logger = logging.getLogger(__name__)


class MessageNotFound(LookupError):
    pass


async def search(query: str, limit: int = 20):
    return await get_fallback_manager().search(query.strip(), limit=limit)


async def recent(room: str, limit: int = 50):
    manager = get_fallback_manager()
    statement = select(Message).where(Message.room == room).order_by(Message.created_at.desc()).limit(limit)
    return await manager.execute(statement)


async def count(room: str) -> int:
    statement = select(func.count(Message.id)).where(Message.room == room)
    rows = await get_fallback_manager().execute(statement)
    return rows[0][0] if rows else 0


async def purge(room: str, session: AsyncSession | None = None) -> None:
    await get_fallback_manager().execute(text("DELETE FROM messages WHERE room = :room"), {"room": room})


async def get_message(message_id: int):
    try:
        rows = await get_fallback_manager().execute(
            text("SELECT id, body FROM messages WHERE id = :id"), {"id": message_id})
        return rows[0]
    except IndexError:
        raise MessageNotFound(message_id) from None


async def attachments(message_id: int) -> list:
    try:
        return await get_fallback_manager().execute(
            text("SELECT name FROM attachments WHERE message_id = :id"), {"id": message_id})
    except MessageNotFound:
        return []


async def search_or_fail(query: str):
    try:
        return await get_fallback_manager().search(query)
    except AllDatabasesUnavailableError:
        logger.error("all databases are down while searching for %r", query)
        raise
    except Exception as error:
        logger.exception("search failed: %s", error)
        raise
