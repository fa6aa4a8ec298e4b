from qdrant_client import AsyncQdrantClient


class VectorAdapter:
    name = "vector"

    def __init__(self, url: str):
        self.client = AsyncQdrantClient(url=url, timeout=5)

    async def search(self, query: str, limit: int = 20) -> list[tuple]:
        response = await self.client.query_points("messages", query=query, limit=limit)
        return [(point.id, point.payload.get("body", "")) for point in response.points]

    async def execute(self, statement, parameters=None):
        raise ConnectionError("the vector store does not run SQL")
