"""PLX309: metadata literals without name, version, description and author."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class Quiet(BaseModule):
    """Shared contract methods; complete metadata (not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """All four keys, and more."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Complete",
            "author": "Team",
            "capabilities": ["messaging"],
        }

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class NoAuthor(Quiet):
    def get_metadata(self) -> Dict[str, Any]:  # [metadata-incomplete]
        """Seed 002's author key is missing."""
        return {"name": self.name, "version": self.version, "description": "Scores messages"}


class OnlyName(Quiet):
    def get_metadata(self) -> Dict[str, Any]:  # [metadata-incomplete]
        """Three keys missing, one report."""
        return {"name": "only_name"}


class BuiltAtRunTime(Quiet):
    """Not a dict literal: not checked."""

    def get_metadata(self) -> Dict[str, Any]:
        """Assembled from a variable."""
        metadata = {"name": self.name}
        return metadata


class InheritsMetadata(Quiet):
    """No own get_metadata: nothing to check here."""
