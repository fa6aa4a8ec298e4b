"""One client per database. Each knows a single database; the manager combines them."""

import aiosqlite
from qdrant_client import AsyncQdrantClient


class SQLClient:
    name = "sql"

    def __init__(self, path: str):
        self.path = path

    async def get_by_id(self, message_id: int):
        async with aiosqlite.connect(self.path) as db:
            cursor = await db.execute("SELECT id, body FROM messages WHERE id = ?", (message_id,))
            return await cursor.fetchone()

    async def search(self, query: str, limit: int = 20):
        async with aiosqlite.connect(self.path) as db:
            cursor = await db.execute("SELECT id, body FROM messages WHERE body LIKE ? LIMIT ?", (f"%{query}%", limit))
            return await cursor.fetchall()

    async def count(self, table: str) -> int:
        async with aiosqlite.connect(self.path) as db:
            cursor = await db.execute(f"SELECT COUNT(*) FROM {table}")
            (total,) = await cursor.fetchone()
            return total

    async def ping(self) -> bool:
        async with aiosqlite.connect(self.path) as db:
            await db.execute("SELECT 1")
        return True


class VectorClient:
    name = "vector"

    def __init__(self, url: str):
        self.client = AsyncQdrantClient(url=url, timeout=5)

    async def get_by_id(self, message_id: int):
        points = await self.client.retrieve("messages", ids=[message_id])
        return (points[0].id, points[0].payload["body"]) if points else None

    async def search(self, query: str, limit: int = 20):
        response = await self.client.query_points("messages", query=query, limit=limit)
        return [(point.id, point.payload["body"]) for point in response.points]

    async def similar(self, message_id: int, limit: int = 10):
        response = await self.client.query_points("messages", query=message_id, limit=limit)
        return [point.id for point in response.points]

    async def ping(self) -> bool:
        await self.client.get_collections()
        return True
