"""The extension base class, its permissions and capabilities."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, List, Optional


class ModuleCapability(Enum):
    MESSAGING = "messaging"
    NETWORK_ACCESS = "network_access"


@dataclass
class ModulePermissions:
    capabilities: List[ModuleCapability] = field(default_factory=list)
    network_access: bool = False
    file_system_access: bool = False


class Extension:
    """Extensions are initialised synchronously, at import time."""

    def __init__(self, name: str, version: str = "1.0.0") -> None:
        self.name = name
        self.version = version
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(name)

    def initialize(self) -> bool:
        return True

    def get_metadata(self) -> Dict[str, Any]:
        return {"name": self.name, "version": self.version, "description": "", "author": ""}

    def get_required_permissions(self) -> ModulePermissions:
        return ModulePermissions()
