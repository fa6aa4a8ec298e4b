"""What every plug-in implements: a trimmed copy of PlexiChat's module interfaces."""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, List, Optional


class ModuleCapability(str, Enum):
    """Only these members exist here: the preset's longer list does not apply."""

    MESSAGING = "messaging"
    AI_PROCESSING = "ai_processing"
    SECURITY_SCANNING = "security_scanning"
    EXTERNAL_API = "external_api"
    DATABASE_ACCESS = "database_access"
    NETWORK_ACCESS = "network_access"
    FILE_SYSTEM_ACCESS = "file_system_access"


@dataclass
class ModulePermissions:
    capabilities: List[ModuleCapability] = field(default_factory=list)
    network_access: bool = False
    file_system_access: bool = False
    database_access: bool = False
    admin_access: bool = False
    user_data_access: bool = False
    external_api_access: bool = False


class BaseModule(ABC):
    """Base class of all plug-ins; abstract, so never checked itself."""

    def __init__(self, name: str, version: str = "1.0.0") -> None:
        self.name = name
        self.version = version
        self.state = "loaded"
        self.started_at: Optional[float] = None
        self.last_error: Optional[BaseException] = None
        self.config: Dict[str, Any] = {}
        self.logger = logging.getLogger(f"myapp.plugins.{name}")

    @abstractmethod
    async def initialize(self) -> bool:
        """Prepare the module; return False to abort loading."""

    @abstractmethod
    def get_metadata(self) -> Dict[str, Any]:
        """Return at least name, version, description and author."""

    @abstractmethod
    def get_required_permissions(self) -> ModulePermissions:
        """Declare everything the module needs."""

    async def start(self) -> bool:
        self.state = "active"
        self.started_at = time.time()
        return True

    async def stop(self) -> bool:
        self.state = "loaded"
        return True

    async def health_check(self) -> Dict[str, Any]:
        return {"name": self.name, "state": self.state, "last_error": repr(self.last_error)}
