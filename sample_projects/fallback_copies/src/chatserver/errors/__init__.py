"""Errors of the chat server API.

The real implementations live in the submodules (exceptions, manager, handlers). This module
keeps importing cheap and never fails.
"""

from __future__ import annotations

import logging
from enum import Enum

logger = logging.getLogger(__name__)

# Fallback error handling components, used when the full error system is unavailable.
logger.warning("Using fallback error handling implementations")


class BaseAPIException(Exception):  # type: ignore[no-redef]
    def __init__(self, message="Internal server error", status_code=500, **kwargs):
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class ValidationError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Validation failed", **kwargs):
        super().__init__(message, status_code=422, **kwargs)


class AuthenticationError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Authentication required", **kwargs):
        super().__init__(message, status_code=401, **kwargs)


class AuthorizationError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Permission denied", **kwargs):
        super().__init__(message, status_code=403, **kwargs)


class NotFoundError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Resource not found", **kwargs):
        super().__init__(message, status_code=404, **kwargs)


class RateLimitError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Rate limit exceeded", **kwargs):
        super().__init__(message, status_code=429, **kwargs)


class ServiceUnavailableError(BaseAPIException):  # type: ignore[no-redef]
    def __init__(self, message="Service unavailable", **kwargs):
        super().__init__(message, status_code=503, **kwargs)


class ErrorCode(Enum):  # type: ignore[no-redef]
    UNKNOWN = 1000
    VALIDATION_FAILED = 1001
    NOT_FOUND = 1004
    RATE_LIMITED = 1029


class ErrorSeverity:  # type: ignore[no-redef]
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ErrorManager:  # type: ignore[no-redef]
    def __init__(self):
        self.handlers = {}

    def record(self, error, severity="medium"):
        logger.error("%s: %s", type(error).__name__, error)

    def handle(self, error):
        self.record(error)
        return None


_fallback_error_manager = ErrorManager()


def get_error_manager():  # type: ignore[no-redef]
    return _fallback_error_manager


def get_error_code(error):  # type: ignore[no-redef]
    return ErrorCode.UNKNOWN


__all__ = [
    "AuthenticationError", "AuthorizationError", "BaseAPIException", "ErrorCode", "ErrorManager",
    "ErrorSeverity", "NotFoundError", "RateLimitError", "ServiceUnavailableError", "ValidationError",
    "get_error_code", "get_error_manager",
]
