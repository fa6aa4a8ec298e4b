from redis.asyncio import Redis  # [database-import]

PRESENCE_TTL = 30


class PresenceService:
    def __init__(self, url: str):
        self.redis = Redis.from_url(url, decode_responses=True)  # [direct-database-access]
        self.ttl = PRESENCE_TTL

    async def mark_online(self, user_id: int) -> None:
        await self.redis.set(f"presence:{user_id}", "1", ex=self.ttl)  # [direct-database-access]

    async def online_users(self) -> list[str]:
        keys = [key async for key in self.redis.scan_iter(match="presence:*")]  # [direct-database-access]
        return sorted(key.split(":", 1)[1] for key in keys)

    async def close(self) -> None:
        await self.redis.aclose()  # [direct-database-access]
