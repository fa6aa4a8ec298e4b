from datetime import datetime, timezone

from motor.motor_asyncio import AsyncIOMotorClient  # [database-import]


class MessageRepository:
    def __init__(self, url: str):
        self.client = AsyncIOMotorClient(url, serverSelectionTimeoutMS=2000)  # [direct-database-access]
        self.messages = self.client["chat"]["messages"]

    async def add(self, room: str, author: str, body: str) -> str:
        document = {"room": room, "author": author, "body": body, "at": datetime.now(timezone.utc)}
        result = await self.messages.insert_one(document)  # [direct-database-access]
        return str(result.inserted_id)

    async def latest(self, room: str, limit: int = 20) -> list[dict]:
        cursor = self.messages.find({"room": room}).sort("at", -1).limit(limit)  # [direct-database-access]
        return await cursor.to_list(length=limit)
