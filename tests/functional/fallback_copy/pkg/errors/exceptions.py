"""The full exception hierarchy."""

import traceback


class BaseAPIException(Exception):
    def __init__(self, message="Internal error", status_code=500, details=None, **kwargs):
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.details = details or {}
        self.extra = kwargs

    def to_dict(self):
        return {"error": self.message, "status": self.status_code, "details": self.details}

    def trace(self):
        return traceback.format_exception(self)


class RateLimitError(BaseAPIException):
    def __init__(self, message="Rate limit exceeded", retry_after=60, **kwargs):
        super().__init__(message, status_code=429, **kwargs)
        self.retry_after = retry_after

    def headers(self):
        return {"Retry-After": str(self.retry_after)}


class NotFoundError(BaseAPIException):
    def __init__(self, message="Not found", resource=None, **kwargs):
        super().__init__(message, status_code=404, **kwargs)
        self.resource = resource
