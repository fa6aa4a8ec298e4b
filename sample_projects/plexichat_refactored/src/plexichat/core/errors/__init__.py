"""
API error types, error codes and the handlers that turn them into responses.
"""

from plexichat.core.utils.fallbacks import (
    AuthenticationError,
    AuthorizationError,
    BaseAPIException,
    ConflictError,
    ErrorCategory,
    ErrorCode,
    ErrorManager,
    ErrorSeverity,
    NotFoundError,
    RateLimitError,
    ServiceUnavailableError,
    ValidationError,
    get_error_code,
    get_fallback_instance,
    handle_authentication_error,
    handle_internal_error,
    handle_not_found_error,
    handle_validation_error,
)

error_manager = get_fallback_instance("ErrorManager")


def get_error_manager():
    return error_manager


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
