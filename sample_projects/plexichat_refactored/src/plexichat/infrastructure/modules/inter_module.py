"""What modules offer each other: introspectable methods and events."""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Callable, Dict, List

from .models import ModuleMetrics


class IntrospectionMixin:
    """Lets other modules discover and call this module's public methods.

    Expects ``name`` and ``metrics`` (set up by ``BaseModule``).
    """

    API_VERSION = "1.0"

    name: str
    metrics: ModuleMetrics

    def get_api_version(self) -> str:
        return self.API_VERSION

    def get_available_methods(self) -> List[str]:
        return sorted(
            name
            for name, member in inspect.getmembers(self, callable)
            if not name.startswith("_") and getattr(member, "__module__", None) == type(self).__module__
        )

    async def call_method(self, method: str, **kwargs: Any) -> Any:
        if method not in self.get_available_methods():
            raise AttributeError(f"{self.name} has no public method {method!r}")
        self.metrics.record_call()
        result = getattr(self, method)(**kwargs)
        return await result if inspect.isawaitable(result) else result


class EventsMixin:
    """Named events with any number of (sync or async) handlers.

    Expects ``metrics``, ``logger`` and ``_event_handlers`` (set up by ``BaseModule``).
    """

    metrics: ModuleMetrics
    logger: logging.Logger
    _event_handlers: Dict[str, List[Callable[[Any], Any]]]

    def register_event_handler(self, event: str, handler: Callable[[Any], Any]) -> bool:
        self._event_handlers.setdefault(event, []).append(handler)
        return True

    def emit_event(self, event: str, data: Any) -> bool:
        handlers = self._event_handlers.get(event, [])
        for handler in handlers:
            try:
                result = handler(data)
                if inspect.isawaitable(result):
                    asyncio.ensure_future(result)
            except Exception as exc:  # noqa: BLE001 - one bad handler must not stop the others
                self.metrics.record_error()
                self.logger.error("handler for %s failed: %s", event, exc)
        return bool(handlers)
