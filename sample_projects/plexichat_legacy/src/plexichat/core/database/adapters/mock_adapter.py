"""Canned rows for demos when no SQL database is reachable (left over from the prototype)."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional


class MockSQLAdapter:
    name = "sql"

    async def execute(self, statement: str, params: Optional[Mapping[str, Any]] = None) -> List[Dict[str, Any]]:
        return [{"n": 0}]

    async def ping(self) -> bool:
        return True
