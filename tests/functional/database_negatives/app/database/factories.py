import logging
import sqlite3

from app.adapters import SQLAdapter, VectorAdapter

logger = logging.getLogger(__name__)


class AllDatabasesUnavailableError(RuntimeError):
    """Every configured database failed."""


class DatabaseFallbackManager:
    def __init__(self, clients):
        self.clients = list(clients)
        self.failures = {}

    async def _try(self, operation: str, *args, **kwargs):
        for client in self.clients:
            try:
                return await getattr(client, operation)(*args, **kwargs)
            except (ConnectionError, sqlite3.OperationalError) as error:
                logger.warning("%s failed on %s: %s", operation, client.name, error)
                self.failures[client.name] = self.failures.get(client.name, 0) + 1
        raise AllDatabasesUnavailableError(operation)

    async def search(self, query: str, limit: int = 20):
        return await self._try("search", query, limit=limit)

    async def execute(self, statement, parameters=None):
        return await self._try("execute", statement, parameters)


_manager: DatabaseFallbackManager | None = None


def get_fallback_manager() -> DatabaseFallbackManager:
    global _manager
    if _manager is None:
        _manager = DatabaseFallbackManager([SQLAdapter("/var/lib/app/app.db"), VectorAdapter("http://qdrant:6333")])
    return _manager


def local_snapshot(path: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT id, body FROM messages").fetchall()
    finally:
        connection.close()
