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
        """Create the export directory named by the ``export_dir`` setting.

        Returns False, with the error logged and kept in ``last_error``, when the
        setting is unusable or the directory cannot be created.
        """
        try:
            self.export_dir = Path(self.get_current_config()["export_dir"])
            self.export_dir.mkdir(parents=True, exist_ok=True)
            return True
        except OSError as exc:
            self.last_error = exc
            self.logger.error("cannot create export directory %s: %s", self.export_dir, exc)
            return False
        except (KeyError, TypeError) as exc:
            self.last_error = exc
            self.logger.error("invalid export_dir setting: %s", exc)
            return False

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
        """Name, version, description and author shown in the module registry."""
        return {
            "name": self.name,
            "version": self.version,
            "description": "Writes gzip'd JSON-lines exports of channel history",
            "author": "PlexiChat Team",
        }

    def get_required_permissions(self) -> ModulePermissions:
        """Exports are written to (and pruned from) the local file system only."""
        return ModulePermissions(
            capabilities=[ModuleCapability.BACKUP_STORAGE, ModuleCapability.FILE_SYSTEM_ACCESS],
            file_system_access=True,
        )

    def get_config_schema(self) -> Dict[str, Any]:
        """``export_dir``: where exports go; ``keep_last``: exports kept per channel."""
        return {
            "type": "object",
            "properties": {
                "export_dir": {"type": "string", "minLength": 1, "default": "./data/exports"},
                "keep_last": {"type": "integer", "minimum": 1, "maximum": 365, "default": 7},
            },
        }
