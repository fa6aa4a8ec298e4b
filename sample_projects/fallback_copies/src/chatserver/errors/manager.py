"""Error codes, severities and the manager that records and dispatches errors."""

from __future__ import annotations

import logging
from collections import Counter
from enum import Enum
from typing import Any, Callable

logger = logging.getLogger(__name__)


class ErrorCode(Enum):
    UNKNOWN = 1000
    VALIDATION_FAILED = 1001
    NOT_FOUND = 1004
    RATE_LIMITED = 1029


class ErrorSeverity:
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ErrorManager:
    """Counts errors by code and hands each to the handler registered for its type."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.handlers: dict[type, Callable[[Exception], Any]] = {}

    def register(self, kind: type, handler: Callable[[Exception], Any]) -> None:
        self.handlers[kind] = handler

    def record(self, error: Exception, severity: str = ErrorSeverity.MEDIUM) -> None:
        self.counts[type(error).__name__] += 1
        logger.log(logging.ERROR if severity in (ErrorSeverity.HIGH, ErrorSeverity.CRITICAL) else logging.WARNING,
                   "%s: %s", type(error).__name__, error)

    def handle(self, error: Exception) -> Any:
        self.record(error)
        for kind in type(error).__mro__:
            if kind in self.handlers:
                return self.handlers[kind](error)
        return None

    def summary(self) -> dict[str, int]:
        return dict(self.counts)


_error_manager: ErrorManager | None = None


def get_error_manager() -> ErrorManager:
    global _error_manager
    if _error_manager is None:
        _error_manager = ErrorManager()
    return _error_manager


def get_error_code(error: Exception) -> ErrorCode:
    status = getattr(error, "status_code", 500)
    return {422: ErrorCode.VALIDATION_FAILED, 404: ErrorCode.NOT_FOUND,
            429: ErrorCode.RATE_LIMITED}.get(status, ErrorCode.UNKNOWN)
