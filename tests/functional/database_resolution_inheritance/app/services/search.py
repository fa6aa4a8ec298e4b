from app.core.bases import BaseService  # [database-import]
from app.database.factory import DatabaseFactory, VectorDatabaseInterface


class SearchService(BaseService):
    async def search(self, query):
        return await self.vector_db.search(query)  # [direct-database-access]

    def label(self):
        return self.name.upper()


class NarrowSearchService(SearchService):
    async def narrow(self, query):
        hits = await self.vector_db.search(query)  # [direct-database-access]
        return hits[:3]


class IndexService:
    def __init__(self):
        self.vectors: VectorDatabaseInterface = DatabaseFactory.create_vector_db()  # [direct-database-access]

    async def index(self, document):
        await self.vectors.upsert(document)  # [direct-database-access]

    def backend(self):
        return DatabaseFactory.describe()


class RankingService:
    def __init__(self, vector_db: VectorDatabaseInterface):
        self.vector_db = vector_db

    async def rank(self, query):
        return await self.vector_db.search(query)  # [direct-database-access]
