import logging

logger = logging.getLogger(__name__)


class AllDatabasesUnavailableError(RuntimeError):
    """Raised when every database failed the operation."""


class DatabaseFallbackManager:
    def __init__(self, sql_client, vector_client):
        self.clients = {"sql": sql_client, "vector": vector_client}

    async def _try(self, operation: str, *args, **kwargs):
        for name, client in self.clients.items():
            try:
                return await getattr(client, operation)(*args, **kwargs)
            except ConnectionError as error:
                logger.warning("%s failed on %s: %s", operation, name, error)
        raise AllDatabasesUnavailableError(operation)

    async def execute(self, statement, parameters=None):
        return await self._try("execute", statement, parameters)

    async def search(self, query: str, limit: int = 20):
        return await self._try("search", query, limit=limit)

    async def get_profile(self, user_id: int):
        return await self._try("get_profile", user_id)


_manager = None


def get_fallback_manager() -> DatabaseFallbackManager:
    global _manager
    if _manager is None:
        from app.database.clients import SQLClient, VectorClient

        _manager = DatabaseFallbackManager(SQLClient(), VectorClient())
    return _manager
