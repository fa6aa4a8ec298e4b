"""Extensions: the preset's rules with the overridden base and a sync initialize."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

from app.ext import Extension, ModuleCapability, ModulePermissions


class Emoji(Extension):
    """Sync initialize, as the override requires: not reported."""

    def __init__(self) -> None:
        super().__init__("emoji")
        self.table: Dict[str, str] = {}

    def initialize(self) -> bool:
        """Load the emoji table; False (error recorded) when it cannot be read."""
        try:
            self.table = dict(line.split(" ", 1) for line in Path("emoji.txt").read_text().splitlines())
            return True
        except (OSError, ValueError) as error:
            self.last_error = error
            self.logger.error("emoji table unreadable: %s", error)
            return False

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": self.name, "version": self.version, "description": "Emoji shortcodes", "author": "Team"}

    def get_required_permissions(self) -> ModulePermissions:
        """Reads its table from disk."""
        return ModulePermissions(capabilities=[ModuleCapability.MESSAGING], file_system_access=True)


class AsyncInitialize(Extension):
    async def initialize(self) -> bool:  # [contract-method-kind]
        """Async where the override says sync."""
        return True


class KeepsPresetRules(Extension):
    def __init__(self) -> None:  # [init-without-super]
        self.ready = False

    def initialize(self) -> bool:  # [lifecycle-error-handling]
        """Still a lifecycle method: the override only changed `async`."""
        self.ready = Path("ready.flag").exists()
        return True

    def get_metadata(self) -> Dict[str, Any]:  # [contract-method-undocumented, metadata-incomplete]
        return {"name": "keeps", "version": "1"}

    def get_required_permissions(self) -> ModulePermissions:
        """An unknown capability and an unused flag."""
        return ModulePermissions(  # [permission-unused]
            capabilities=[ModuleCapability.TELEPATHY],  # [capability-unknown]
            network_access=True,
        )
