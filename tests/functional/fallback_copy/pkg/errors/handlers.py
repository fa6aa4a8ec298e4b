"""Exception handlers for the web framework."""

from pkg.errors.exceptions import RateLimitError


async def rate_limit_handler(request, exc: RateLimitError):
    body = exc.to_dict()
    body["path"] = request.url.path
    return {"status_code": 429, "headers": exc.headers(), "body": body}
