"""Data types shared by the module system: capabilities, states, permissions,
configuration and metrics of a plug-in module."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, List, Optional


class ModuleCapability(str, Enum):
    # Core
    MESSAGING = "messaging"
    USER_MANAGEMENT = "user_management"
    FILE_HANDLING = "file_handling"
    AUTHENTICATION = "authentication"
    AUTHORIZATION = "authorization"
    # Advanced
    AI_PROCESSING = "ai_processing"
    BACKUP_STORAGE = "backup_storage"
    CLUSTERING = "clustering"
    SECURITY_SCANNING = "security_scanning"
    ENCRYPTION = "encryption"
    # UI
    WEB_INTERFACE = "web_interface"
    API_ENDPOINTS = "api_endpoints"
    ADMIN_PANEL = "admin_panel"
    # Integration
    EXTERNAL_API = "external_api"
    DATABASE_ACCESS = "database_access"
    NETWORK_ACCESS = "network_access"
    FILE_SYSTEM_ACCESS = "file_system_access"


class ModuleState(str, Enum):
    UNLOADED = "unloaded"
    LOADING = "loading"
    LOADED = "loaded"
    INITIALIZING = "initializing"
    ACTIVE = "active"
    PAUSED = "paused"
    ERROR = "error"
    UNLOADING = "unloading"
    FAILED = "failed"


@dataclass
class ModulePermissions:
    capabilities: List[ModuleCapability] = field(default_factory=list)
    network_access: bool = False
    file_system_access: bool = False
    database_access: bool = False
    admin_access: bool = False
    user_data_access: bool = False
    system_config_access: bool = False
    external_api_access: bool = False


@dataclass
class ModuleConfiguration:
    enabled: bool = True
    priority: int = 100
    custom_config: Dict[str, Any] = field(default_factory=dict)


@dataclass
class ModuleMetrics:
    started_at: Optional[float] = None
    calls: int = 0
    errors: int = 0

    def record_call(self) -> None:
        self.calls += 1

    def record_error(self) -> None:
        self.errors += 1
