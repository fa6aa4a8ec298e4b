"""PLX306: resources used without the matching permission flag or capability.

The report is on the first line that uses the resource, in a method or in a module
function a method calls.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
from pathlib import Path
from typing import Any, Dict

import httpx
import requests

from myapp.core.interfaces import BaseModule, ModuleCapability, ModulePermissions


def _post_json(url: str, payload: Dict[str, Any]) -> int:
    response = requests.post(url, json=payload, timeout=5)  # [permission-undeclared]
    return response.status_code


def _format(event: Dict[str, Any]) -> Dict[str, Any]:
    return {"text": str(event)}


class Quiet(BaseModule):
    """Shared contract methods; uses nothing and declares nothing (not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class RequestsNotify(Quiet):
    def notify(self, url: str, text: str) -> bool:
        return requests.post(url, json={"text": text}, timeout=5).ok  # [permission-undeclared]

    def get_required_permissions(self) -> ModulePermissions:
        """Says no network."""
        return ModulePermissions(network_access=False)


class HttpxClient(Quiet):
    def __init__(self) -> None:
        super().__init__("httpx_client")
        self.client = httpx.AsyncClient(timeout=5)  # [permission-undeclared]

    async def fetch(self, url: str) -> str:
        return (await self.client.get(url)).text


class RawSocket(Quiet):
    def probe(self, host: str) -> bool:
        with socket.create_connection((host, 443), timeout=2):  # [permission-undeclared]
            return True


class ViaHelper(Quiet):
    """The network is reached in a module function the class calls."""

    def relay(self, event: Dict[str, Any]) -> int:
        return _post_json("https://hooks.example.com", _format(event))


class AppendsToFile(Quiet):
    def audit(self, line: str) -> None:
        with open("audit.log", "a", encoding="utf-8") as handle:  # [permission-undeclared]
            handle.write(line + "\n")


class WritesWithPathlib(Quiet):
    def save(self, text: str) -> None:
        target = Path("./data") / "state.txt"
        target.write_text(text, encoding="utf-8")  # [permission-undeclared]


class CopiesFiles(Quiet):
    def backup(self, source: str, target: str) -> None:
        shutil.copy(source, target)  # [permission-undeclared]


class RunsCommands(Quiet):
    """A subprocess needs admin_access in the preset."""

    def disk_usage(self) -> str:
        result = subprocess.run(["df", "-h"], capture_output=True, text=True, check=True)  # [permission-undeclared]
        return result.stdout


class OpensSqlite(Quiet):
    def count(self) -> int:
        connection = sqlite3.connect("stats.db")  # [permission-undeclared]
        try:
            return connection.execute("select count(*) from events").fetchone()[0]
        finally:
            connection.close()


class UsesSeveral(Quiet):
    """One report per resource, each on its first use."""

    def sync(self, url: str) -> None:
        data = requests.get(url, timeout=5).text  # [permission-undeclared]
        Path("cache.txt").write_text(data)  # [permission-undeclared]
        requests.get(url + "/ack", timeout=5)


class DeclaresByFlag(Quiet):
    """Network and file system declared with their flags: not reported."""

    def sync(self, url: str) -> None:
        Path("cache.txt").write_text(requests.get(url, timeout=5).text)

    def get_required_permissions(self) -> ModulePermissions:
        """Network for the download, file system for the cache."""
        return ModulePermissions(network_access=True, file_system_access=True)


class DeclaresByCapability(Quiet):
    """A capability counts as a declaration too: not reported."""

    def sync(self, url: str) -> None:
        Path("cache.txt").write_text(requests.get(url, timeout=5).text)

    def get_required_permissions(self) -> ModulePermissions:
        """Capabilities instead of flags."""
        return ModulePermissions(
            capabilities=[ModuleCapability.NETWORK_ACCESS, ModuleCapability.FILE_SYSTEM_ACCESS],
        )


class DeclaresDatabaseAndAdmin(Quiet):
    """database_access and admin_access (subprocesses): not reported."""

    def dump(self) -> None:
        sqlite3.connect("stats.db").close()
        subprocess.run(["sync"], check=False)

    def get_required_permissions(self) -> ModulePermissions:
        """Database and subprocess rights."""
        return ModulePermissions(database_access=True, admin_access=True)
