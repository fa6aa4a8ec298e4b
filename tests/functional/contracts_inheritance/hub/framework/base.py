"""The base class, the permissions and the capability enum."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, List, Optional


class ModuleCapability(Enum):
    MESSAGING = "messaging"
    SCHEDULING = "scheduling"
    NETWORK_ACCESS = "network_access"


@dataclass
class ModulePermissions:
    capabilities: List[ModuleCapability] = field(default_factory=list)
    network_access: bool = False
    file_system_access: bool = False


class BaseModule(ABC):
    def __init__(self, name: str, version: str = "1.0.0") -> None:
        self.name = name
        self.version = version
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(name)

    @abstractmethod
    async def initialize(self) -> bool:
        """Prepare the module."""

    @abstractmethod
    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""

    @abstractmethod
    def get_required_permissions(self) -> ModulePermissions:
        """Declared rights."""
