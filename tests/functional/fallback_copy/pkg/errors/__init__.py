"""Error handling for the API."""

import logging
from enum import Enum

logger = logging.getLogger(__name__)

# Fallback error components: simplified versions of what the submodules define, so that
# importing this package never fails.
logger.warning("Using fallback error implementations")


class BaseAPIException(Exception):  # type: ignore[no-redef]  # [fallback-copy]
    def __init__(self, message="Internal error", status_code=500, **kwargs):
        super().__init__(message)
        self.status_code = status_code


class RateLimitError(BaseAPIException):  # [fallback-copy]
    def __init__(self, message="Rate limit exceeded", **kwargs):
        super().__init__(message, status_code=429, **kwargs)


class NotFoundError(BaseAPIException):  # [fallback-copy]
    def __init__(self, message="Not found", **kwargs):
        super().__init__(message, status_code=404, **kwargs)


class ErrorCode(Enum):  # [duplicated-fallback-stub]
    NOT_FOUND = 404
    RATE_LIMITED = 429


class ErrorManager:  # [fallback-copy]
    def __init__(self):
        self.errors = []

    def record(self, error):
        self.errors.append(error)


_error_manager = ErrorManager()


def get_error_manager():  # [fallback-copy]
    return _error_manager
