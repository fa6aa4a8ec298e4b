"""Data access for chat messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession


class MessageRepository:
    """Message queries bound to a caller-provided SQLAlchemy session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, message_id: int) -> Optional[Dict[str, Any]]:
        result = await self.session.execute(
            text(
                "SELECT id, channel_id, author_id, content, created_at, archived "
                "FROM messages WHERE id = :id"
            ),
            {"id": message_id},
        )
        row = result.mappings().first()
        return dict(row) if row else None

    async def list_for_channel(
        self, channel_id: int, *, before: Optional[datetime] = None, limit: int = 50
    ) -> List[Dict[str, Any]]:
        query = (
            "SELECT id, channel_id, author_id, content, created_at FROM messages "
            "WHERE channel_id = :channel_id AND archived = 0"
        )
        params: Dict[str, Any] = {"channel_id": channel_id, "limit": limit}
        if before is not None:
            query += " AND created_at < :before"
            params["before"] = before
        result = await self.session.execute(text(query + " ORDER BY created_at DESC LIMIT :limit"), params)
        return [dict(row) for row in result.mappings()]

    async def count_for_channel(self, channel_id: int) -> int:
        result = await self.session.execute(
            text("SELECT COUNT(*) FROM messages WHERE channel_id = :channel_id AND archived = 0"),
            {"channel_id": channel_id},
        )
        return int(result.scalar_one())

    async def mark_archived(self, message_ids: Sequence[int]) -> int:
        if not message_ids:
            return 0
        statement = text("UPDATE messages SET archived = 1 WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        result = await self.session.execute(statement, {"ids": list(message_ids)})
        return result.rowcount or 0
