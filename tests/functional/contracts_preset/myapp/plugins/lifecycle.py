"""PLX310: lifecycle methods must catch, record the error and return False."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class Quiet(BaseModule):
    """Shared contract methods; an initialize that does no work (not reported)."""

    async def initialize(self) -> bool:
        """Nothing that can fail: no try needed."""
        self.state = "initialized"
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()

    async def connect(self) -> None:
        self.state = "connected"

    async def disconnect(self) -> None:
        self.state = "disconnected"


class LetsErrorsEscape(Quiet):
    async def initialize(self) -> bool:  # [lifecycle-error-handling]
        """An exception from connect() aborts the whole loader."""
        await self.connect()
        return True

    async def stop(self) -> bool:  # [lifecycle-error-handling]
        """A plain call outside any try."""
        self.logger.info("stopping")
        self.flush()
        return True

    def flush(self) -> None:
        self.state = "flushed"


class BareExcept(Quiet):
    async def start(self) -> bool:  # [lifecycle-error-handling]
        """A bare except also swallows KeyboardInterrupt and SystemExit."""
        try:
            await self.connect()
            return True
        except:  # noqa: E722
            self.logger.error("start failed")
            return False


class CatchesWithoutReturningFalse(Quiet):
    async def shutdown(self) -> bool:  # [lifecycle-error-handling]
        """Logs, but reports success: the module looks healthy."""
        try:
            await self.disconnect()
        except Exception as error:
            self.logger.error("shutdown failed: %s", error)
        return True


class CatchesWithoutRecording(Quiet):
    async def pause(self) -> bool:  # [lifecycle-error-handling]
        """Returns False, but nobody will know why."""
        try:
            await self.disconnect()
            return True
        except Exception:
            return False


class ReRaises(Quiet):
    async def resume(self) -> bool:  # [lifecycle-error-handling]
        """Records, then lets it escape anyway."""
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            raise


class OneHandlerOfTwoIncomplete(Quiet):
    async def start(self) -> bool:  # [lifecycle-error-handling]
        """Every handler must record and return False."""
        try:
            await self.connect()
            return True
        except ConnectionError as error:
            self.last_error = error
            return False
        except Exception:
            return False


class FinallyOnly(Quiet):
    async def stop(self) -> bool:  # [lifecycle-error-handling]
        """try/finally catches nothing."""
        try:
            await self.disconnect()
            return True
        finally:
            self.state = "stopped"


class Compliant(Quiet):
    """Seed 002's pattern in every lifecycle method: nothing reported."""

    async def initialize(self) -> bool:
        """Stores and logs the error."""
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            self.logger.error("initialization failed: %s", error)
            return False

    async def start(self) -> bool:
        """Logging alone records the error."""
        try:
            await self.connect()
            return await super().start()
        except Exception as error:
            self.logger.exception("start failed: %s", error)
            return False

    async def stop(self) -> bool:
        """Storing alone records the error."""
        try:
            await self.disconnect()
            return True
        except Exception as error:
            self.last_error = error
            return False

    async def pause(self) -> bool:
        """Two handlers, both complete."""
        try:
            await self.disconnect()
            return True
        except ConnectionError as error:
            self.logger.warning("already disconnected: %s", error)
            return False
        except Exception as error:
            self.last_error = error
            self.logger.error("pause failed: %s", error)
            return False

    async def resume(self) -> bool:
        """Only logging outside the try: logging is not work that can fail."""
        self.logger.info("resuming")
        try:
            await self.connect()
            return True
        except Exception as error:
            self.last_error = error
            return False

    async def shutdown(self) -> bool:
        """No work at all: nothing can escape."""
        return True
