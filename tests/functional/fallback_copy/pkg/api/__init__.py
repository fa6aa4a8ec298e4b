"""The HTTP API."""

import logging
from enum import Enum

try:
    from pkg.errors.handlers import rate_limit_handler
except ImportError:
    # A real body, but a second implementation of the package's own handler all the same.
    async def rate_limit_handler(request, exc):  # [fallback-copy]
        return {"status_code": 429, "body": {"error": str(exc)}}

try:
    from .routes import items_router, users_router  # [undefined-on-import-failure]
except ImportError:
    logger = logging.getLogger("pkg.api")  # binds a logger, but neither router


# Fallback codes, the same enum as the errors package's copy.
class ErrorCode(Enum):  # [duplicated-fallback-stub]
    NOT_FOUND = 404
    RATE_LIMITED = 429


def error_code_for(status):  # [duplicated-fallback-stub]
    return ErrorCode(status)


def routers():
    return [users_router, items_router]


HANDLERS = {429: rate_limit_handler}
