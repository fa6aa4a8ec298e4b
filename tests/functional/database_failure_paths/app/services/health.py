from redis import Redis  # [database-import]

from app.database import get_fallback_manager


class PresenceService:
    def __init__(self, url: str | None):
        self.client = Redis.from_url(url) if url else None  # [direct-database-access]
        self.db_available = url is not None

    def online_count(self) -> dict:
        if not self.db_available:
            return {"online": 0, "status": "ok"}  # [mock-response-on-failure]
        return {"online": self.client.scard("online")}  # [direct-database-access]

    def online_users(self) -> list:
        if self.client is None:
            return ["alice", "bob"]  # [mock-response-on-failure]
        return sorted(self.client.smembers("online"))  # [direct-database-access]


async def database_status(db_available: bool) -> dict:
    if not db_available:
        raise RuntimeError("database unavailable")
    return await get_fallback_manager().execute("SELECT 1")
