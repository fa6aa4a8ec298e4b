"""Settings: three integers too, but other members than the rate limits."""


class CacheSettings:
    TTL = 300
    MAX_ENTRIES = 1000
    SHARDS = 4


def get_settings():
    return CacheSettings
