"""HTTP API.  The rate limiter stand-in comes from a shared distribution."""

try:
    from plexi_shared.fallbacks import RateLimiter
except ImportError:
    class RateLimiter:  # [shadows-central-fallback]
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)
