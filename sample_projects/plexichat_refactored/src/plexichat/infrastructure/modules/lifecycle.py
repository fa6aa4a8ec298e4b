"""Lifecycle of a plug-in module: the state machine the loader drives."""

from __future__ import annotations

import time
from typing import Any, Dict, Optional

from .models import ModuleMetrics, ModuleState


class LifecycleMixin:
    """``start``/``stop``/``pause``/``resume``/``shutdown`` and the health report.

    Expects ``name``, ``state``, ``metrics`` and ``last_error`` (set up by
    :class:`~plexichat.infrastructure.modules.interfaces.BaseModule`).
    """

    name: str
    state: ModuleState
    metrics: ModuleMetrics
    last_error: Optional[BaseException]

    async def start(self) -> bool:
        self.state = ModuleState.ACTIVE
        self.metrics.started_at = time.time()
        return True

    async def stop(self) -> bool:
        self.state = ModuleState.LOADED
        return True

    async def pause(self) -> bool:
        if self.state is not ModuleState.ACTIVE:
            return False
        self.state = ModuleState.PAUSED
        return True

    async def resume(self) -> bool:
        if self.state is not ModuleState.PAUSED:
            return False
        self.state = ModuleState.ACTIVE
        return True

    async def shutdown(self) -> bool:
        self.state = ModuleState.UNLOADED
        return True

    async def health_check(self) -> Dict[str, Any]:
        uptime = time.time() - self.metrics.started_at if self.metrics.started_at else 0.0
        return {
            "name": self.name,
            "state": self.state.value,
            "uptime_seconds": round(uptime, 1),
            "calls": self.metrics.calls,
            "errors": self.metrics.errors,
            "last_error": repr(self.last_error) if self.last_error else None,
        }
