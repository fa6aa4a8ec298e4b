from redis import Redis as R  # [database-import]

WINDOW_SECONDS = 60


class RateLimiter:
    def __init__(self, url: str, limit: int = 100):
        self.redis = R.from_url(url, decode_responses=True)  # [direct-database-access]
        self.limit = limit
        self.hits = {}

    def hit(self, key: str) -> bool:
        count = self.redis.incr(f"rate:{key}")  # [direct-database-access]
        if count == 1:
            self.redis.expire(f"rate:{key}", WINDOW_SECONDS)  # [direct-database-access]
        self.hits[key] = count
        return count <= self.limit

    def remaining(self, key: str) -> int:
        return max(self.limit - self.hits.get(key, 0), 0)


def local_limiter():
    return R(host="localhost", port=6379)  # [direct-database-access]
