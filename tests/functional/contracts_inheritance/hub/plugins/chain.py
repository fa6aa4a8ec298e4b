"""Subclasses of subclasses: inherited methods count, each concrete class is checked."""

from __future__ import annotations

from typing import Any, Dict

from hub.framework import BaseModule, ModuleCapability, ModulePermissions


class Greeter(BaseModule):
    """Complete and compliant: not reported."""

    def __init__(self, name: str = "greeter") -> None:
        super().__init__(name)
        self.greeting = "hello"

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": self.name, "version": self.version, "description": "Greets", "author": "Team"}

    def get_required_permissions(self) -> ModulePermissions:
        """Messaging only."""
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING])


class LoudGreeter(Greeter):
    """Inherits initialize, metadata and permissions from Greeter: nothing reported again."""

    def __init__(self) -> None:
        super().__init__("loud_greeter")
        self.greeting = "HELLO"


class LouderGreeter(LoudGreeter):
    """A subclass of a subclass that overrides initialize wrongly: only its own def is reported."""

    def initialize(self) -> bool:  # [contract-method-kind]
        """Sync: the loader awaits it."""
        return True

    def get_metadata(self) -> Dict[str, Any]:  # [metadata-incomplete]
        """Overridden without an author."""
        return {"name": self.name, "version": self.version, "description": "Greets louder"}


class QuietGreeter(LoudGreeter):
    """A subclass of a subclass with its own __init__ that skips the chain."""

    def __init__(self) -> None:  # [init-without-super]
        self.greeting = "hi"


class HalfDone(BaseModule):  # [contract-method-missing]
    """No get_required_permissions."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "half", "version": "1", "description": "Half done", "author": "Team"}


class StillHalfDone(HalfDone):  # [contract-method-missing]
    """Inherits the gap: reported on its own class line too."""


class Finished(HalfDone):
    """Fills the gap: not reported."""

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()
