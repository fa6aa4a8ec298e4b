"""Structured logging for PlexiChat.

Every log record carries the current request id (set by the request-id
middleware through :func:`bind_request_id`) so that lines emitted while
serving one HTTP request can be correlated.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional

from plexichat.core.config import get_config

_request_id: contextvars.ContextVar[Optional[str]] = contextvars.ContextVar(
    "plexichat_request_id", default=None
)

_RESERVED_ATTRS = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


class RequestContextFilter(logging.Filter):
    """Copy the bound request id onto each record as ``record.request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; extra attributes passed via ``extra=`` are kept."""

    def format(self, record: logging.LogRecord) -> str:
        payload: Dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for key, value in record.__dict__.items():
            if key not in _RESERVED_ATTRS and key not in payload:
                payload[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def _has_plexichat_handler(logger: logging.Logger) -> bool:
    """Whether ``configure_logging`` already installed its handler: the logger is the state."""
    return any(
        isinstance(handler_filter, RequestContextFilter)
        for handler in logger.handlers
        for handler_filter in handler.filters
    )


def configure_logging(level: Optional[str] = None, json_output: Optional[bool] = None) -> None:
    """Install the PlexiChat handler on the ``plexichat`` logger tree.

    Safe to call more than once; later calls only adjust the level.
    """
    level_name = (level or get_config("logging.level", "INFO")).upper()
    use_json = get_config("logging.json", False) if json_output is None else json_output

    root = logging.getLogger("plexichat")
    root.setLevel(level_name)
    if _has_plexichat_handler(root):
        return

    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestContextFilter())
    if use_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)-8s [%(request_id)s] %(name)s: %(message)s")
        )
    root.addHandler(handler)
    root.propagate = False


def get_logger(name: str) -> logging.Logger:
    """Return a logger below the ``plexichat`` namespace."""
    if not name.startswith("plexichat"):
        name = f"plexichat.{name}"
    return logging.getLogger(name)


@contextmanager
def bind_request_id(request_id: str) -> Iterator[None]:
    """Attach ``request_id`` to every record logged inside the block."""
    token = _request_id.set(request_id)
    try:
        yield
    finally:
        _request_id.reset(token)


def current_request_id() -> Optional[str]:
    return _request_id.get()


__all__ = [
    "JsonFormatter",
    "RequestContextFilter",
    "bind_request_id",
    "configure_logging",
    "current_request_id",
    "get_logger",
]
