"""PLX308: capabilities that are not members of the project's ModuleCapability enum."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core import interfaces
from myapp.core.interfaces import BaseModule, ModuleCapability, ModulePermissions


class Quiet(BaseModule):
    """Shared contract methods; known capabilities only (not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """Known members."""
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING, ModuleCapability.SECURITY_SCANNING])


class Typo(Quiet):
    def get_required_permissions(self) -> ModulePermissions:
        """A member that does not exist anywhere."""
        return ModulePermissions(capabilities=[ModuleCapability.TELEPATHY])  # [capability-unknown]


class NotInThisProject(Quiet):
    """BACKUP_STORAGE is in the preset's list but not in this project's enum."""

    def get_required_permissions(self) -> ModulePermissions:
        """One known, one unknown, on separate lines."""
        return ModulePermissions(
            capabilities=[
                ModuleCapability.MESSAGING,
                ModuleCapability.BACKUP_STORAGE,  # [capability-unknown]
            ],
        )


class OutsideThePermissions(Quiet):
    """Any reference in a method counts, not only in the permissions."""

    def supports(self, capability: str) -> bool:
        return capability in (ModuleCapability.MESSAGING.value, ModuleCapability.MESSAGNG.value)  # [capability-unknown]


class QualifiedReference(Quiet):
    """A known member reached through the module: not reported."""

    def get_required_permissions(self) -> ModulePermissions:
        """Known member through the module."""
        return interfaces.ModulePermissions(capabilities=[interfaces.ModuleCapability.AI_PROCESSING])
