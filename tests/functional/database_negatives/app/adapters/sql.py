"""The SQL side of the fallback manager: adapters may talk to their database."""

import aiosqlite


class SQLAdapter:
    name = "sql"

    def __init__(self, path: str):
        self.path = path

    async def search(self, query: str, limit: int = 20) -> list[tuple]:
        async with aiosqlite.connect(self.path) as db:
            cursor = await db.execute(
                "SELECT id, body FROM messages WHERE body LIKE ? LIMIT ?", (f"%{query}%", limit))
            return await cursor.fetchall()

    async def execute(self, statement, parameters=None):
        async with aiosqlite.connect(self.path) as db:
            cursor = await db.execute(str(statement), parameters or ())
            rows = await cursor.fetchall()
            await db.commit()
            return rows
