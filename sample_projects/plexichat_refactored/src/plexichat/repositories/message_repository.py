"""Data access for chat messages, routed through the database fallback manager."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence

from plexichat.core.database import DatabaseFallbackManager, get_fallback_manager

COLLECTION = "messages"


class MessageRepository:
    def __init__(self, db: Optional[DatabaseFallbackManager] = None) -> None:
        self.db = db or get_fallback_manager()

    async def get(self, message_id: int) -> Optional[Dict[str, Any]]:
        return await self.db.get_by_id(COLLECTION, message_id)

    async def save(self, message: Dict[str, Any]) -> None:
        await self.db.upsert(COLLECTION, [message])

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
        return await self.db.execute(query + " ORDER BY created_at DESC LIMIT :limit", params)

    async def count_for_channel(self, channel_id: int) -> int:
        rows = await self.db.execute(
            "SELECT COUNT(*) AS total FROM messages WHERE channel_id = :channel_id AND archived = 0",
            {"channel_id": channel_id},
        )
        return int(rows[0]["total"])

    async def mark_archived(self, message_ids: Sequence[int]) -> int:
        if not message_ids:
            return 0
        params = {f"id{index}": message_id for index, message_id in enumerate(message_ids)}
        placeholders = ", ".join(f":{name}" for name in params)
        await self.db.execute(f"UPDATE messages SET archived = 1 WHERE id IN ({placeholders})", params)
        return len(params)
