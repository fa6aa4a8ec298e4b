"""Message search: semantic when the vector store is up, keyword search otherwise."""

from plexichat.core.config import get_config
from plexichat.core.database import get_fallback_manager


class MessageSearchService:
    def __init__(self, db=None):
        self.collection = get_config("database.vector_collection", "messages")
        self.db = db or get_fallback_manager()

    async def search(self, query, limit=10, channel_id=None):
        filters = {"channel_id": channel_id} if channel_id is not None else None
        return await self.db.search(self.collection, query, limit=limit, filters=filters)

    async def index_message(self, message):
        await self.db.upsert(self.collection, [message])

    async def similar_messages(self, message_id, limit=5):
        message = await self.db.get_by_id(self.collection, message_id)
        if message is None:
            return []
        results = await self.db.search(self.collection, message["content"], limit=limit + 1)
        return [result for result in results if result["id"] != message_id][:limit]
