from abc import ABC, abstractmethod

from qdrant_client import AsyncQdrantClient


class VectorDatabaseInterface(ABC):
    @abstractmethod
    async def search(self, query): ...

    @abstractmethod
    async def upsert(self, document): ...


class QdrantAdapter(VectorDatabaseInterface):
    def __init__(self, url):
        self.client = AsyncQdrantClient(url=url)

    async def search(self, query):
        return await self.client.query_points("documents", query=query)

    async def upsert(self, document):
        await self.client.upsert("documents", points=[document])


class DatabaseFactory:
    @staticmethod
    def create_vector_db() -> VectorDatabaseInterface:
        return QdrantAdapter("http://qdrant:6333")

    @staticmethod
    def describe() -> str:
        return "qdrant"


async def get_vector_db_dependency() -> VectorDatabaseInterface:
    return DatabaseFactory.create_vector_db()
