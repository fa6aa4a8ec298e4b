"""Database client factories and the central fallback manager.

Every data access is meant to go through :class:`DatabaseFallbackManager`:

* when at least one database works, operations succeed and failures of the
  other one are only logged;
* when every database that supports an operation is down, the manager raises
  :class:`AllDatabasesUnavailableError`, which the API maps to HTTP 503.

No mock data is ever produced here.
"""

from __future__ import annotations

import functools
import inspect
import logging
import time
from collections import Counter
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from plexichat.core.config import get_config

from .adapters import SQLAdapter, VectorAdapter
from .adapters.mock_adapter import MockSQLAdapter

logger = logging.getLogger(__name__)


class AllDatabasesUnavailableError(RuntimeError):
    """Raised when no database could serve an operation."""

    def __init__(self, operation: str, errors: Mapping[str, str]) -> None:
        self.operation = operation
        self.errors = dict(errors)
        details = "; ".join(f"{db}: {error}" for db, error in self.errors.items())
        super().__init__(f"all databases unavailable for {operation!r} ({details})")


class DatabaseFallbackManager:
    """Routes operations to the first healthy database that supports them."""

    DEFAULT_ORDER: Tuple[str, ...] = ("sql", "vector")
    # Semantic search is better served by the vector store when it is up.
    PREFERRED_ORDER: Dict[str, Tuple[str, ...]] = {"search": ("vector", "sql")}

    def __init__(
        self,
        sql_client: Any = None,
        vector_client: Any = None,
        *,
        recheck_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clients: Dict[str, Any] = {}
        if sql_client is not None:
            self.clients["sql"] = sql_client
        if vector_client is not None:
            self.clients["vector"] = vector_client
        self.status: Dict[str, bool] = {db: True for db in self.clients}
        self.recheck_after = recheck_after
        self._clock = clock
        self._down_since: Dict[str, float] = {}
        self.failures: Counter = Counter()
        self.fallbacks: Counter = Counter()
        self._log = logging.getLogger("plexichat.database.manager")

    # -- health bookkeeping -------------------------------------------------
    def _is_available(self, db: str) -> bool:
        if self.status[db]:
            return True
        down_since = self._down_since.get(db, 0.0)
        if self._clock() - down_since >= self.recheck_after:
            logger.info("retrying %s database after %.0fs", db, self.recheck_after)
            return True
        return False

    def _mark_down(self, db: str, operation: str, exc: BaseException) -> None:
        if self.status[db]:
            logger.error("%s database failed during %s, marking unavailable: %s", db, operation, exc)
        self.status[db] = False
        self._down_since[db] = self._clock()
        self.failures[db] += 1

    def _mark_up(self, db: str) -> None:
        if not self.status[db]:
            logger.info("%s database is available again", db)
        self.status[db] = True
        self._down_since.pop(db, None)

    # -- dispatch ------------------------------------------------------------
    async def _try(self, op: str, *args: Any, **kwargs: Any) -> Any:
        errors: Dict[str, str] = {}
        for db in self.PREFERRED_ORDER.get(op, self.DEFAULT_ORDER):
            client = self.clients.get(db)
            if client is None or not hasattr(client, op):
                continue
            if not self._is_available(db):
                errors[db] = "marked unavailable"
                continue
            try:
                result = getattr(client, op)(*args, **kwargs)
                if inspect.isawaitable(result):
                    result = await result
            except Exception as exc:  # noqa: BLE001 - any driver error means "try the next one"
                self._mark_down(db, op, exc)
                errors[db] = f"{type(exc).__name__}: {exc}"
                continue
            self._mark_up(db)
            if errors:
                self.fallbacks[op] += 1
                logger.warning("%s served by %s after failures: %s", op, db, errors)
            return result
        if not errors:
            errors["*"] = "no configured database supports this operation"
        logger.error("all databases unavailable for %s: %s", op, errors)
        raise AllDatabasesUnavailableError(op, errors)

    async def search(
        self,
        collection: str,
        query: str,
        limit: int = 10,
        filters: Optional[Mapping[str, Any]] = None,
    ) -> List[Dict[str, Any]]:
        return await self._try("search", collection, query, limit=limit, filters=filters)

    async def upsert(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int:
        return await self._try("upsert", collection, list(records))

    async def get_by_id(self, collection: str, record_id: Any) -> Optional[Dict[str, Any]]:
        return await self._try("get_by_id", collection, record_id)

    async def execute(self, statement: str, params: Optional[Mapping[str, Any]] = None) -> List[Dict[str, Any]]:
        return await self._try("execute", statement, params)

    # -- diagnostics ---------------------------------------------------------
    async def count_messages(self) -> int:
        """Number of stored messages, as the SQL database counts them."""
        rows = await self.clients["sql"].execute("SELECT COUNT(*) AS n FROM messages")
        return rows[0]["n"]

    async def count_users(self) -> int:
        """Number of registered users (logs, then gives up, when SQL is down)."""
        try:
            rows = await self.clients["sql"].execute("SELECT COUNT(*) AS n FROM users")
        except Exception as exc:  # noqa: BLE001
            self._log.error("count_users failed on sql: %s", exc)
            raise
        return rows[0]["n"]

    async def check_health(self) -> Dict[str, bool]:
        for db, client in self.clients.items():
            try:
                await client.ping()
            except Exception as exc:  # noqa: BLE001
                self._mark_down(db, "ping", exc)
            else:
                self._mark_up(db)
        return dict(self.status)

    def health(self) -> Dict[str, Any]:
        return {
            "databases": dict(self.status),
            "available": any(self.status.values()),
            "failures": dict(self.failures),
            "fallbacks": dict(self.fallbacks),
        }

    async def close(self) -> None:
        for client in self.clients.values():
            await client.close()


def create_sql_client() -> Optional[SQLAdapter]:
    url = get_config("database.sql_url")
    if not url:
        return None
    try:
        return SQLAdapter(url)
    except Exception as exc:  # noqa: BLE001 - e.g. missing driver for the URL scheme
        logger.error("cannot create SQL client for %s: %s", url, exc)
        return None


def create_vector_client() -> Optional[VectorAdapter]:
    url = get_config("database.vector_url")
    if not url:
        return None
    try:
        return VectorAdapter(url, api_key=get_config("database.vector_api_key"))
    except Exception as exc:  # noqa: BLE001
        logger.error("cannot create vector client for %s: %s", url, exc)
        return None


class DatabaseFactory:
    """Builds single-database adapters for code that needs one database on purpose."""

    @staticmethod
    def create_vector_db(url: str) -> VectorAdapter:
        return VectorAdapter(url, api_key=get_config("database.vector_api_key"))

    @staticmethod
    def create_sql_db(url: str) -> SQLAdapter:
        try:
            return SQLAdapter(url)
        except Exception as exc:  # noqa: BLE001
            logger.error("SQL adapter unavailable, using canned rows: %s", exc)
            return MockSQLAdapter()


@functools.lru_cache(maxsize=1)
def get_fallback_manager() -> DatabaseFallbackManager:
    """Process-wide manager built from configuration on first use."""
    return DatabaseFallbackManager(
        sql_client=create_sql_client(),
        vector_client=create_vector_client(),
        recheck_after=float(get_config("database.recheck_after", 30)),
    )
