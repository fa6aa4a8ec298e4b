import logging

from qdrant_client import QdrantClient  # [database-import]
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.database import get_fallback_manager

logger = logging.getLogger(__name__)


class SearchService:
    def __init__(self, session: Session):
        self.session = session
        self.vectors = QdrantClient(url="http://qdrant:6333", timeout=5)  # [direct-database-access]
        self._cache = {}

    def search(self, query: str, limit: int = 20) -> list[int]:
        try:
            rows = self.session.execute(  # [direct-database-access]
                text("SELECT id FROM messages WHERE body LIKE :q LIMIT :n"), {"q": f"%{query}%", "n": limit})
            return [row.id for row in rows]
        except OperationalError:  # [local-database-fallback]
            logger.warning("SQL search failed, trying the vector store")
            response = self.vectors.query_points("messages", query=query, limit=limit)  # [direct-database-access]
            return [point.id for point in response.points]

    async def cached_search(self, query: str) -> list[int]:
        try:
            results = await get_fallback_manager().search(query)
            self._cache[query] = results
            return results
        except ConnectionError:  # [local-database-fallback]
            return self._cache.get(query, [])
