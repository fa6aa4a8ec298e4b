"""PLX307: permission flags declared True for resources the class never uses.

The report is on the line of the returned permissions call.
"""

from __future__ import annotations

import shutil
import sqlite3
from typing import Any, Dict

import requests

from myapp.core.interfaces import BaseModule, ModuleCapability, ModulePermissions


def _download(url: str) -> bytes:
    return requests.get(url, timeout=5).content


class Quiet(BaseModule):
    """Shared contract methods; declares nothing (not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class LeftoverFileSystem(Quiet):
    """Pure computation that still asks for the file system."""

    def score(self, text: str) -> int:
        return len(text.split())

    def get_required_permissions(self) -> ModulePermissions:
        """A leftover grant."""
        return ModulePermissions(capabilities=[ModuleCapability.AI_PROCESSING], file_system_access=True)  # [permission-unused]


class LeftoverSeveral(Quiet):
    """Network and database, neither used: two reports on one line (admin_access=False is no grant)."""

    def get_required_permissions(self) -> ModulePermissions:
        """Several leftover grants."""
        return ModulePermissions(  # [permission-unused]
            network_access=True,
            database_access=True,
            admin_access=False,
        )


class OneUsedOneNot(Quiet):
    """Uses the network (declared, not reported) but never a database."""

    def fetch(self, url: str) -> bytes:
        return requests.get(url, timeout=5).content

    def get_required_permissions(self) -> ModulePermissions:
        """Network is right, database is a leftover."""
        return ModulePermissions(network_access=True, database_access=True)  # [permission-unused]


class NetworkIsAnExternalApi(Quiet):
    """external_api_access with network use (through a helper) is a legitimate grant: not reported."""

    def fetch(self, url: str) -> bytes:
        return _download(url)

    def get_required_permissions(self) -> ModulePermissions:
        """A web API over the network."""
        return ModulePermissions(
            capabilities=[ModuleCapability.EXTERNAL_API],
            network_access=True,
            external_api_access=True,
        )


class EveryGrantUsed(Quiet):
    """File system and database both used: not reported."""

    def archive(self, path: str) -> None:
        shutil.make_archive(path, "gztar")
        sqlite3.connect("archive.db").close()

    def get_required_permissions(self) -> ModulePermissions:
        """File system and database."""
        return ModulePermissions(file_system_access=True, database_access=True)


class FalseFlags(Quiet):
    """Flags declared False are not grants: not reported."""

    def get_required_permissions(self) -> ModulePermissions:
        """Explicitly nothing."""
        return ModulePermissions(network_access=False, file_system_access=False, database_access=False)
