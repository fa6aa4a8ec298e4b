import asyncio
import logging
import time

from app.database.clients import SQLClient, VectorClient

logger = logging.getLogger(__name__)


class AllDatabasesUnavailableError(RuntimeError):
    """Raised when every database failed the operation."""

    def __init__(self, operation: str, errors: dict):
        super().__init__(f"{operation}: every database failed ({', '.join(errors)})")
        self.errors = errors


class DatabaseFallbackManager:
    def __init__(self, sql_client, vector_client):
        self.sql = sql_client
        self.vector = vector_client
        self.clients = {}
        self.clients["sql"] = sql_client
        self.clients["vector"] = vector_client
        self.order = ["sql", "vector"]
        self.failures = {name: 0 for name in self.order}
        self.last_failure = {}
        self.calls = 0
        self._lock = asyncio.Lock()

    async def _try(self, operation: str, *args, **kwargs):
        errors = {}
        self.calls += 1
        for name in self.order:
            try:
                result = await getattr(self.clients[name], operation)(*args, **kwargs)
            except (ConnectionError, TimeoutError) as error:
                self._record_failure(name, error)
                errors[name] = error
                continue
            self._record_success(name)
            return result
        raise AllDatabasesUnavailableError(operation, errors)

    async def get_by_id(self, message_id: int):
        return await self._try("get_by_id", message_id)

    async def search(self, query: str, limit: int = 20):
        return await self._try("search", query, limit=limit)

    async def search_bodies(self, query: str, limit: int = 20) -> list[str]:
        rows = await self.search(query, limit=limit)
        return [body for _, body in rows]

    async def count_messages(self) -> int:  # [manager-without-fallback]
        return await self.sql.count("messages")

    async def similar(self, message_id: int, limit: int = 10):  # [manager-without-fallback]
        return await self.clients["vector"].similar(message_id, limit=limit)

    async def count_users(self) -> int:  # [manager-without-fallback]
        try:
            return await self.sql.count("users")
        except TimeoutError:
            logger.warning("count_users timed out, asking again")
            return await self.sql.count("users")

    async def get_or_search(self, message_id: int):
        try:
            return await self.sql.get_by_id(message_id)
        except (ConnectionError, TimeoutError) as error:
            self._record_failure("sql", error)
            return await self.vector.get_by_id(message_id)

    async def ping_all(self) -> dict:
        return {"sql": await self.sql.ping(), "vector": await self.vector.ping()}

    def _record_failure(self, name: str, error: Exception) -> None:
        self.failures[name] += 1
        self.last_failure[name] = (time.monotonic(), repr(error))
        logger.warning("%s failed: %s", name, error)

    def _record_success(self, name: str) -> None:
        self.failures[name] = 0

    def health(self) -> dict:
        return {
            name: {"failures": self.failures[name], "last_failure": self.last_failure.get(name)}
            for name in self.order
        }

    def failure_count(self, name: str) -> int:
        return self.failures.get(name, 0)

    def _available(self):
        """A lookup in the dict of clients, not a call of one."""
        for name in self.order:
            client = self.clients.get(name)
            if client is not None:
                yield name, client

    def client_names(self) -> list[str]:
        return list(self.clients.keys())

    async def reset(self) -> None:
        async with self._lock:
            self.failures.clear()
            self.last_failure.clear()
            self.calls = 0

    def __repr__(self) -> str:
        return f"DatabaseFallbackManager(order={self.order!r}, calls={self.calls})"


class ConnectionStats:
    """Not a manager: single-client calls here are not PLX206's business."""

    def __init__(self, sql_client):
        self.sql = sql_client

    async def messages(self) -> int:
        return await self.sql.count("messages")


_manager: DatabaseFallbackManager | None = None


def get_fallback_manager() -> DatabaseFallbackManager:
    global _manager
    if _manager is None:
        _manager = DatabaseFallbackManager(SQLClient("/var/lib/app/app.db"), VectorClient("http://qdrant:6333"))
    return _manager
