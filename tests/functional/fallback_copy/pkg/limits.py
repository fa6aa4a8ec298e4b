"""Not a fallback module: exception hierarchies and constant holders here are real code."""


class APIError(Exception):
    def __init__(self, message="API error", status_code=500, **kwargs):
        super().__init__(message)
        self.status_code = status_code


class QuotaError(APIError):
    def __init__(self, message="Quota exceeded", **kwargs):
        super().__init__(message, status_code=429, **kwargs)


class GoneError(APIError):
    def __init__(self, message="Gone", **kwargs):
        super().__init__(message, status_code=410, **kwargs)


class RateLimits:
    PER_MINUTE = 60
    PER_HOUR = 1000
    BURST = 10
