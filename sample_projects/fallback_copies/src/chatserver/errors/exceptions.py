"""The API's exception hierarchy."""

from __future__ import annotations

import time
from typing import Any


class BaseAPIException(Exception):
    """Every error the API reports: a message, an HTTP status and details."""

    def __init__(self, message: str = "Internal server error", status_code: int = 500,
                 details: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.details = details or {}
        self.context = kwargs
        self.timestamp = time.time()

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.message, "status": self.status_code, "details": self.details,
                "timestamp": self.timestamp}

    def __str__(self) -> str:
        return f"{self.status_code}: {self.message}"


class ValidationError(BaseAPIException):
    def __init__(self, message: str = "Validation failed", field: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, status_code=422, **kwargs)
        self.field = field


class AuthenticationError(BaseAPIException):
    def __init__(self, message: str = "Authentication required", **kwargs: Any) -> None:
        super().__init__(message, status_code=401, **kwargs)


class AuthorizationError(BaseAPIException):
    def __init__(self, message: str = "Permission denied", permission: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, status_code=403, **kwargs)
        self.permission = permission


class NotFoundError(BaseAPIException):
    def __init__(self, message: str = "Resource not found", resource: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, status_code=404, **kwargs)
        self.resource = resource


class RateLimitError(BaseAPIException):
    def __init__(self, message: str = "Rate limit exceeded", retry_after: int = 60, **kwargs: Any) -> None:
        super().__init__(message, status_code=429, **kwargs)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class ServiceUnavailableError(BaseAPIException):
    def __init__(self, message: str = "Service unavailable", **kwargs: Any) -> None:
        super().__init__(message, status_code=503, **kwargs)
