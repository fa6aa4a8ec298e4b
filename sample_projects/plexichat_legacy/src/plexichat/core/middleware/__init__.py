"""HTTP middleware stack for the PlexiChat API."""

import logging

try:
    from plexichat.core.config import get_config
except ImportError:  # pragma: no cover - config is always shipped

    def get_config(key, default=None):
        return default


from .request_id import RequestIDMiddleware

logger = logging.getLogger(__name__)

try:
    from .rate_limiting import RateLimitMiddleware, TokenBucket
    from .security_headers import SecurityHeadersMiddleware
except ImportError:
    logger.warning("rate limiting / security headers middleware not available")


def setup_middleware(app):
    """Register PlexiChat middleware on a Starlette/FastAPI application.

    Starlette runs middleware in reverse registration order, so the request id
    is added last to make it the outermost layer.
    """
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(
        RateLimitMiddleware,
        bucket=TokenBucket(
            rate=get_config("api.rate_limit.per_second", 10),
            capacity=get_config("api.rate_limit.burst", 50),
        ),
    )
    app.add_middleware(RequestIDMiddleware)
    return app


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "RateLimitMiddleware",
    "RequestIDMiddleware",
    "SecurityHeadersMiddleware",
    "TokenBucket",
    "setup_middleware",
    "__version__",
]
