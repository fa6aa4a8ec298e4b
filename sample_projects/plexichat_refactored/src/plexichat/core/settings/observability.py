"""Logging, metrics and tracing settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

from .validation import check_between, check_choice, check_url

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass
class ObservabilitySettings:
    log_level: str = "INFO"
    log_json: bool = False
    metrics_enabled: bool = True
    sentry_dsn: Optional[str] = None
    trace_sample_rate: float = 0.0

    def __post_init__(self) -> None:
        self.log_level = self.log_level.upper()
        check_choice("LOG_LEVEL", self.log_level, LOG_LEVELS)
        check_between("TRACE_SAMPLE_RATE", self.trace_sample_rate, 0.0, 1.0)
        if self.sentry_dsn:
            check_url("SENTRY_DSN", self.sentry_dsn)

    def logging_config(self) -> Dict[str, Any]:
        """A ``logging.config.dictConfig`` document."""
        return {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "plain": {"format": "%(asctime)s %(levelname)-8s %(name)s: %(message)s"},
                "json": {"()": "plexichat.core.logging.JsonFormatter"},
            },
            "handlers": {"console": {"class": "logging.StreamHandler",
                                     "formatter": "json" if self.log_json else "plain"}},
            "root": {"level": self.log_level, "handlers": ["console"]},
        }

    def tracing_options(self) -> Optional[Dict[str, Any]]:
        if not self.sentry_dsn:
            return None
        return {"dsn": self.sentry_dsn, "traces_sample_rate": self.trace_sample_rate}
