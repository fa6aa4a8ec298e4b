"""Exception handlers for the web framework: errors become JSON responses."""

from __future__ import annotations

from typing import Any

from chatserver.errors.exceptions import BaseAPIException, NotFoundError, RateLimitError
from chatserver.errors.manager import get_error_code, get_error_manager


def _response(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {"status_code": status, "body": body, "headers": headers or {}}


async def api_exception_handler(request: Any, exc: BaseAPIException) -> dict[str, Any]:
    get_error_manager().record(exc)
    body = exc.to_dict()
    body["code"] = get_error_code(exc).value
    body["path"] = request.url.path
    return _response(exc.status_code, body)


async def rate_limit_handler(request: Any, exc: RateLimitError) -> dict[str, Any]:
    get_error_manager().record(exc)
    return _response(429, exc.to_dict(), exc.headers())


async def not_found_handler(request: Any, exc: NotFoundError) -> dict[str, Any]:
    body = exc.to_dict()
    body["resource"] = exc.resource
    return _response(404, body)
