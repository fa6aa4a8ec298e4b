"""PLX302: a method that must be async written as `def`, or the reverse."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class WrongKinds(BaseModule):
    """Sync lifecycle methods and an async metadata method."""

    def initialize(self) -> bool:  # [contract-method-kind]
        """The loader awaits this: a plain def returns a bool it cannot await."""
        return True

    def start(self) -> bool:  # [contract-method-kind]
        """Also awaited."""
        return True

    def health_check(self) -> Dict[str, Any]:  # [contract-method-kind]
        """Awaited as well."""
        return {"ok": True}

    async def get_metadata(self) -> Dict[str, Any]:  # [contract-method-kind]
        """Called, not awaited: an async def returns a coroutine."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """Right kind: not reported."""
        return ModulePermissions()

    def get_config_schema(self) -> Dict[str, Any]:
        """Right kind: not reported."""
        return {"type": "object"}

    def pause_later(self) -> bool:
        """Not a contract method: any kind goes."""
        return True


class RightKinds(BaseModule):
    """Every contract method has the kind the contract says: nothing reported."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    async def stop(self) -> bool:
        """Nothing to stop."""
        return True

    async def health_check(self) -> Dict[str, Any]:
        """Static report."""
        return {"ok": True}

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()
