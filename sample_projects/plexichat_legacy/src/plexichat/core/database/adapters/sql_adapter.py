"""Relational storage through SQLAlchemy's asyncio engine."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, Iterable, List, Mapping, Optional

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

# Tables reachable through the generic operations, with their columns and the
# column used for ``search``. Table names are never taken from user input.
TABLES: Dict[str, Dict[str, Any]] = {
    "messages": {
        "columns": ("id", "channel_id", "author_id", "content", "created_at"),
        "search_column": "content",
        "order_by": "created_at DESC",
    },
    "users": {
        "columns": ("id", "username", "display_name", "created_at"),
        "search_column": "display_name",
        "order_by": "username",
    },
}


class SQLAdapter:
    name = "sql"

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = create_async_engine(url, echo=echo, pool_pre_ping=True)
        self.session_factory = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.session_factory() as session:
            try:
                yield session
                await session.commit()
            except Exception:
                await session.rollback()
                raise

    @staticmethod
    def _table(collection: str) -> Dict[str, Any]:
        try:
            return TABLES[collection]
        except KeyError:
            raise ValueError(f"unknown collection: {collection!r}") from None

    async def ping(self) -> bool:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True

    async def execute(self, statement: str, params: Optional[Mapping[str, Any]] = None) -> List[Dict[str, Any]]:
        async with self.session() as session:
            result = await session.execute(text(statement), dict(params or {}))
            if not result.returns_rows:
                return []
            return [dict(row) for row in result.mappings()]

    async def search(
        self,
        collection: str,
        query: str,
        limit: int = 10,
        filters: Optional[Mapping[str, Any]] = None,
    ) -> List[Dict[str, Any]]:
        table = self._table(collection)
        conditions = [f"{table['search_column']} LIKE :pattern"]
        params: Dict[str, Any] = {"pattern": f"%{query}%", "limit": limit}
        for column, value in (filters or {}).items():
            if column not in table["columns"]:
                raise ValueError(f"cannot filter {collection} on {column!r}")
            conditions.append(f"{column} = :f_{column}")
            params[f"f_{column}"] = value
        rows = await self.execute(
            f"SELECT {', '.join(table['columns'])} FROM {collection} "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {table['order_by']} LIMIT :limit",
            params,
        )
        return [{**row, "score": None, "source": self.name} for row in rows]

    async def get_by_id(self, collection: str, record_id: Any) -> Optional[Dict[str, Any]]:
        columns = ", ".join(self._table(collection)["columns"])
        rows = await self.execute(f"SELECT {columns} FROM {collection} WHERE id = :id", {"id": record_id})
        return rows[0] if rows else None

    async def upsert(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int:
        allowed = self._table(collection)["columns"]
        count = 0
        async with self.session() as session:
            for record in records:
                values = {key: record[key] for key in allowed if key in record}
                if "id" not in values:
                    raise ValueError("records passed to upsert need an 'id'")
                names = ", ".join(values)
                placeholders = ", ".join(f":{key}" for key in values)
                updates = ", ".join(f"{key} = excluded.{key}" for key in values if key != "id")
                await session.execute(
                    text(
                        f"INSERT INTO {collection} ({names}) VALUES ({placeholders}) "
                        f"ON CONFLICT (id) DO UPDATE SET {updates}"
                    ),
                    values,
                )
                count += 1
        return count

    async def close(self) -> None:
        await self.engine.dispose()
