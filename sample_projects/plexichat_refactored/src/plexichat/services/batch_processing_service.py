"""Bulk jobs: archiving old channel history and re-indexing messages."""

from plexichat.repositories.message_repository import MessageRepository
from plexichat.services.search_service import MessageSearchService


class BatchProcessingService:
    def __init__(self, batch_size=500, repository=None, search=None):
        self.batch_size = batch_size
        self.repository = repository or MessageRepository()
        self.search = search or MessageSearchService()

    async def archive_channel(self, channel_id, before):
        """Archive messages older than ``before``; returns how many were archived."""
        archived = 0
        while True:
            batch = await self.repository.list_for_channel(channel_id, before=before, limit=self.batch_size)
            if not batch:
                break
            archived += await self.repository.mark_archived([m["id"] for m in batch])
        return {"channel_id": channel_id, "archived": archived}

    async def reindex_channel(self, channel_id):
        messages = await self.repository.list_for_channel(channel_id, limit=self.batch_size)
        for message in messages:
            await self.search.index_message(message)
        return {"channel_id": channel_id, "indexed": len(messages)}
