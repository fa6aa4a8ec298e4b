"""Abstract intermediate classes: exempt themselves, their concrete children are checked."""

from __future__ import annotations

from abc import ABC, abstractmethod

from hub.framework.base import BaseModule


class ServiceModule(BaseModule, ABC):
    """Abstract through its ABC base: lacks get_metadata and get_required_permissions, not reported."""

    async def initialize(self) -> bool:
        """Connect the service; False (error recorded) on failure."""
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            self.logger.error("service %s failed to start: %s", self.name, error)
            return False

    async def connect(self) -> None:
        self.logger.info("connected")


class ScheduledModule(BaseModule):
    """Abstract through an abstractmethod: lacks everything, not reported."""

    @abstractmethod
    def run_once(self) -> None:
        """One scheduled run."""
