"""Base class for long-running PlexiChat services.

Concrete services (presence tracking, message fan-out, retention sweeps, ...)
subclass :class:`BaseService` and are registered with the service manager,
which drives their lifecycle.
"""

from __future__ import annotations

import asyncio
import logging
import time
from abc import ABC, abstractmethod
from enum import Enum
from typing import Any, Dict, Optional

from plexichat.core.config import get_config
from plexichat.core.database.factories import DatabaseFactory


class ServiceState(str, Enum):
    CREATED = "created"
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"
    STOPPED = "stopped"
    FAILED = "failed"


class BaseService(ABC):
    """Lifecycle contract for services; subclasses implement the hooks."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.state = ServiceState.CREATED
        self.started_at: Optional[float] = None
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(f"plexichat.services.{name}")

    @abstractmethod
    async def on_start(self) -> None:
        """Acquire resources; raising marks the service as failed."""
        pass

    @abstractmethod
    async def on_stop(self) -> None:
        """Release resources acquired in :meth:`on_start`."""
        pass

    @abstractmethod
    def describe(self) -> Dict[str, Any]:
        pass

    async def start(self) -> bool:
        self.state = ServiceState.STARTING
        try:
            await self.on_start()
        except Exception as exc:  # noqa: BLE001 - the manager decides what to do
            self.state = ServiceState.FAILED
            self.last_error = exc
            self.logger.exception("service %s failed to start", self.name)
            return False
        self.state = ServiceState.RUNNING
        self.started_at = time.monotonic()
        return True

    async def stop(self, timeout: float = 10.0) -> bool:
        if self.state not in (ServiceState.RUNNING, ServiceState.FAILED):
            return True
        self.state = ServiceState.STOPPING
        try:
            await asyncio.wait_for(self.on_stop(), timeout)
        except Exception as exc:  # noqa: BLE001
            self.last_error = exc
            self.logger.error("service %s did not stop cleanly: %s", self.name, exc)
            self.state = ServiceState.FAILED
            return False
        self.state = ServiceState.STOPPED
        return True

    def health(self) -> Dict[str, Any]:
        uptime = time.monotonic() - self.started_at if self.started_at else 0.0
        return {
            "name": self.name,
            "state": self.state,
            "uptime_seconds": round(uptime, 1),
            "last_error": repr(self.last_error) if self.last_error else None,
        }


class VectorBackedService(BaseService, ABC):
    """A service that keeps its own vector store client."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.vector_db = DatabaseFactory.create_vector_db(get_config("database.vector_url"))
