"""
API error types, error codes and the handlers that turn them into responses.
"""

import logging

logger = logging.getLogger(__name__)

try:
    from .exceptions import (
        AuthenticationError,
        AuthorizationError,
        BaseAPIException,
        ConflictError,
        NotFoundError,
        RateLimitError,
        ServiceUnavailableError,
        ValidationError,
    )
    from .handlers import (
        handle_authentication_error,
        handle_internal_error,
        handle_not_found_error,
        handle_validation_error,
    )
    from .error_manager import ErrorCategory, ErrorCode, ErrorManager, ErrorSeverity, error_manager
except ImportError:
    logger.warning("using fallback error definitions")

    class BaseAPIException(Exception):
        def __init__(self, message="Internal server error", status_code=500):
            super().__init__(message)
            self.message = message
            self.status_code = status_code

    class ValidationError(BaseAPIException):
        def __init__(self, message="Validation failed", status_code=400):
            super().__init__(message, status_code)

    class AuthenticationError(BaseAPIException):
        def __init__(self, message="Authentication required", status_code=401):
            super().__init__(message, status_code)

    class AuthorizationError(BaseAPIException):
        def __init__(self, message="Permission denied", status_code=403):
            super().__init__(message, status_code)

    class NotFoundError(BaseAPIException):
        def __init__(self, message="Not found", status_code=404):
            super().__init__(message, status_code)

    class ConflictError(BaseAPIException):
        def __init__(self, message="Resource conflict", status_code=409):
            super().__init__(message, status_code)

    class ServiceUnavailableError(BaseAPIException):
        def __init__(self, message="Service temporarily unavailable", status_code=503):
            super().__init__(message, status_code)

    class RateLimitError(BaseAPIException):
        """Too many requests; carries the number of seconds the client should wait."""

        def __init__(self, retry_after: int, message: str = "Rate limit exceeded"):
            super().__init__(f"{message}, retry in {retry_after}s", 429)
            self.retry_after = max(int(retry_after), 1)

        @property
        def headers(self):
            return {"Retry-After": str(self.retry_after)}

    class ErrorSeverity:
        LOW = "low"
        MEDIUM = "medium"
        HIGH = "high"
        CRITICAL = "critical"

    class ErrorCategory:
        VALIDATION = "validation"
        AUTHENTICATION = "authentication"
        DATABASE = "database"
        NETWORK = "network"
        INTERNAL = "internal"

    class ErrorCode:
        UNKNOWN = 1000
        VALIDATION_FAILED = 1001
        NOT_FOUND = 1004
        UNAUTHORIZED = 1010
        FORBIDDEN = 1011
        DATABASE_UNAVAILABLE = 2001

    class ErrorManager:
        def __init__(self):
            pass

        def record(self, *args, **kwargs):
            pass

    error_manager = None

    def handle_validation_error(*args, **kwargs):
        return {"error": "validation_failed", "status": 400}

    def handle_authentication_error(*args, **kwargs):
        return {"error": "authentication_required", "status": 401}

    def handle_not_found_error(*args, **kwargs):
        return {"error": "not_found", "status": 404}

    def handle_internal_error(*args, **kwargs):
        return {"error": "internal_error", "status": 500}


def get_error_manager():
    return error_manager


def get_error_code(*args, **kwargs):
    return 0


__all__ = [
    "AuthenticationError",
    "AuthorizationError",
    "BaseAPIException",
    "ConflictError",
    "ErrorCategory",
    "ErrorCode",
    "ErrorManager",
    "ErrorSeverity",
    "NotFoundError",
    "RateLimitError",
    "ServiceUnavailableError",
    "ValidationError",
    "error_manager",
    "get_error_code",
    "get_error_manager",
    "handle_authentication_error",
    "handle_internal_error",
    "handle_not_found_error",
    "handle_validation_error",
]
