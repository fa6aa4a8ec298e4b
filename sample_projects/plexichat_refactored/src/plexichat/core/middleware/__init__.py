"""HTTP middleware stack for the PlexiChat API.

Rate limiting and security headers are not implemented yet; their names
resolve to pass-through middleware from the shared fallbacks.
"""

from plexichat.core.config import get_config
from plexichat.core.utils.fallbacks import RateLimitMiddleware, SecurityHeadersMiddleware, get_module_version

from .request_id import RequestIDMiddleware


def setup_middleware(app):
    """Register PlexiChat middleware on a Starlette/FastAPI application.

    Starlette runs middleware in reverse registration order, so the request id
    is added last to make it the outermost layer.
    """
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(
        RateLimitMiddleware,
        rate=get_config("api.rate_limit.per_second", 10),
        burst=get_config("api.rate_limit.burst", 50),
    )
    app.add_middleware(RequestIDMiddleware)
    return app


__version__ = get_module_version()

__all__ = [
    "RateLimitMiddleware",
    "RequestIDMiddleware",
    "SecurityHeadersMiddleware",
    "setup_middleware",
    "__version__",
]
