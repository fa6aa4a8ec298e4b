"""Flags abusive messages and finds similar ones."""

from __future__ import annotations

from typing import Any, Dict, List

from sqlalchemy import text

from plexichat.core.dependencies.database import db_session
from plexichat.core.services.base import VectorBackedService


class ModerationService(VectorBackedService):
    def __init__(self) -> None:
        super().__init__("moderation")

    async def on_start(self) -> None:
        self.logger.info("moderation ready")

    async def on_stop(self) -> None:
        self.logger.info("moderation stopped")

    def describe(self) -> Dict[str, Any]:
        return {"name": self.name, "state": self.state.value}

    async def similar_flagged(self, message_id: int) -> List[Dict[str, Any]]:
        return await self.vector_db.search("flagged", str(message_id), limit=5)

    async def flag(self, message_id: int, reason: str) -> None:
        async with db_session() as session:
            try:
                await session.execute(
                    text("INSERT INTO flags (message_id, reason) VALUES (:id, :reason)"),
                    {"id": message_id, "reason": reason},
                )
                await session.commit()
            except Exception:
                await session.rollback()
                self.logger.exception("flagging message %s failed", message_id)
                raise
