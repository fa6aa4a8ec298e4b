"""Quotas. A real exception family and real constants: no fallbacks here."""

from __future__ import annotations


class QuotaError(Exception):
    def __init__(self, message="Quota exceeded", status_code=429, **kwargs):
        super().__init__(message)
        self.status_code = status_code


class DailyQuotaError(QuotaError):
    def __init__(self, message="Daily quota exceeded", **kwargs):
        super().__init__(message, status_code=429, **kwargs)


class StorageQuotaError(QuotaError):
    def __init__(self, message="Storage quota exceeded", **kwargs):
        super().__init__(message, status_code=507, **kwargs)


class RateLimits:
    PER_MINUTE = 60
    PER_HOUR = 1000
    BURST = 10
