"""The application: routes and exception handlers."""

from __future__ import annotations

from typing import Any

from chatserver.errors import NotFoundError, RateLimitError
from chatserver.routers import all_routes

try:
    from chatserver.errors.handlers import not_found_handler, rate_limit_handler
except ImportError:
    async def rate_limit_handler(request: Any, exc: RateLimitError) -> dict[str, Any]:
        return {"status_code": 429, "body": {"error": str(exc)}, "headers": {"Retry-After": "60"}}

    async def not_found_handler(request: Any, exc: NotFoundError) -> dict[str, Any]:
        return {"status_code": 404, "body": {"error": str(exc), "path": request.url.path}, "headers": {}}


EXCEPTION_HANDLERS = {RateLimitError: rate_limit_handler, NotFoundError: not_found_handler}


def create_app() -> dict[str, Any]:
    return {"routes": all_routes(), "exception_handlers": EXCEPTION_HANDLERS}
