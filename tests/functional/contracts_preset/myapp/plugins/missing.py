"""PLX301: required methods (initialize, get_metadata, get_required_permissions) missing."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class OnlyInitialize(BaseModule):  # [contract-method-missing]
    """No metadata, no permissions: two findings on the class line."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True


class NoInitialize(  # [contract-method-missing]
    BaseModule,
):
    """The report is on the line of `class`, not on the bases."""

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class Complete(BaseModule):
    """All three required methods: not reported (optional ones may be left to the base)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "complete", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class NotAModule:
    """Not a BaseModule subclass: not covered, whatever it lacks."""

    def run(self) -> None:
        pass
