"""Mixins that provide contract methods; not BaseModule subclasses, so not covered themselves."""

from __future__ import annotations

from typing import Any, Dict


class MetadataMixin:
    """Builds get_metadata from class attributes."""

    DESCRIPTION = ""
    AUTHOR = "Platform team"

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry from the class attributes."""
        return {"name": self.name, "version": self.version, "description": self.DESCRIPTION, "author": self.AUTHOR}


class SyncStartMixin:
    """Provides a sync initialize: wrong for the contract, judged on each class that uses it."""

    def initialize(self) -> bool:
        """Sync by mistake."""
        return True


class OpenPermissionsMixin:
    """Answers permissions with a plain dict, not the contract's return type."""

    def get_required_permissions(self) -> dict:
        """Everything allowed."""
        return {}
