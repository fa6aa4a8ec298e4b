"""Exports channel history to compressed JSON files for offline backups."""

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable

from plexichat.infrastructure.modules.interfaces import BaseModule, ModuleCapability, ModulePermissions


class BackupExportModule(BaseModule):
    def __init__(self, name: str = "backup_export", version: str = "0.4.1") -> None:
        super().__init__(name, version)
        self.export_dir: Path = Path("./data/exports")

    async def initialize(self) -> bool:
        self.export_dir = Path(self.get_current_config()["export_dir"])
        try:
            self.export_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.last_error = exc
            self.logger.error("cannot create export directory %s: %s", self.export_dir, exc)
            return False
        return True

    def export_channel(self, channel_id: int, messages: Iterable[Dict[str, Any]]) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = self.export_dir / f"channel-{channel_id}-{stamp}.json.gz"
        with gzip.open(target, "wt", encoding="utf-8") as handle:
            for message in messages:
                handle.write(json.dumps(message, default=str) + "\n")
        self.metrics.record_call()
        self._prune(channel_id)
        return target

    def _prune(self, channel_id: int) -> None:
        keep = self.get_current_config()["keep_last"]
        exports = sorted(self.export_dir.glob(f"channel-{channel_id}-*.json.gz"))
        for old in exports[:-keep]:
            old.unlink(missing_ok=True)

    def get_metadata(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": "Writes gzip'd JSON-lines exports of channel history",
            "author": "PlexiChat Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions(
            capabilities=[ModuleCapability.BACKUP_STORAGE, ModuleCapability.FILE_SYSTEM_ACCESS],
            file_system_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                "export_dir": {"type": "string", "minLength": 1, "default": "./data/exports"},
                "keep_last": {"type": "integer", "minimum": 1, "maximum": 365, "default": 7},
            },
        }
