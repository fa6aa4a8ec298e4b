"""Contracts every PlexiChat plug-in module implements.

A module subclasses :class:`BaseModule` and must provide ``initialize``
(a coroutine), ``get_metadata`` and ``get_required_permissions``. The loader
validates the declared permissions and the configuration schema before
activating a module.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Dict, List, Optional


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


_JSON_TYPES: Dict[str, tuple] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
}


class BaseModule(ABC):
    """Base class of all plug-in modules."""

    API_VERSION = "1.0"

    def __init__(self, name: str, version: str = "1.0.0") -> None:
        self.name = name
        self.version = version
        self.state = ModuleState.LOADED
        self.configuration = ModuleConfiguration()
        self.metrics = ModuleMetrics()
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(f"plexichat.modules.{name}")
        self._event_handlers: Dict[str, List[Callable[[Any], Any]]] = {}

    # -- required ------------------------------------------------------------
    @abstractmethod
    async def initialize(self) -> bool:
        """Prepare the module; return False to abort loading."""

    @abstractmethod
    def get_metadata(self) -> Dict[str, Any]:
        """Return at least ``name``, ``version``, ``description`` and ``author``."""

    @abstractmethod
    def get_required_permissions(self) -> ModulePermissions:
        """Declare everything the module needs; undeclared access is denied."""

    # -- lifecycle -------------------------------------------------------------
    async def start(self) -> bool:
        self.state = ModuleState.ACTIVE
        self.metrics.started_at = time.time()
        return True

    async def stop(self) -> bool:
        self.state = ModuleState.LOADED
        return True

    async def pause(self) -> bool:
        if self.state is not ModuleState.ACTIVE:
            return False
        self.state = ModuleState.PAUSED
        return True

    async def resume(self) -> bool:
        if self.state is not ModuleState.PAUSED:
            return False
        self.state = ModuleState.ACTIVE
        return True

    async def shutdown(self) -> bool:
        self.state = ModuleState.UNLOADED
        return True

    async def health_check(self) -> Dict[str, Any]:
        uptime = time.time() - self.metrics.started_at if self.metrics.started_at else 0.0
        return {
            "name": self.name,
            "state": self.state.value,
            "uptime_seconds": round(uptime, 1),
            "calls": self.metrics.calls,
            "errors": self.metrics.errors,
            "last_error": repr(self.last_error) if self.last_error else None,
        }

    # -- configuration -------------------------------------------------------
    def get_config_schema(self) -> Dict[str, Any]:
        return {"type": "object", "properties": {}}

    def validate_config(self, config: Dict[str, Any]) -> bool:
        schema = self.get_config_schema()
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in config:
                self.logger.error("missing required config key %r", key)
                return False
        for key, value in config.items():
            rules = properties.get(key)
            if rules is None:
                continue
            expected = _JSON_TYPES.get(rules.get("type", ""), (object,))
            if not isinstance(value, expected) or (rules.get("type") in ("integer", "number") and isinstance(value, bool)):
                self.logger.error("config key %r must be of type %s", key, rules.get("type"))
                return False
            if "minimum" in rules and value < rules["minimum"]:
                return False
            if "maximum" in rules and value > rules["maximum"]:
                return False
            if "minLength" in rules and len(value) < rules["minLength"]:
                return False
            if "enum" in rules and value not in rules["enum"]:
                return False
        return True

    def apply_config(self, config: Dict[str, Any]) -> bool:
        if not self.validate_config(config):
            return False
        self.configuration.custom_config.update(config)
        return True

    def get_current_config(self) -> Dict[str, Any]:
        defaults = {
            key: rules["default"]
            for key, rules in self.get_config_schema().get("properties", {}).items()
            if "default" in rules
        }
        return {**defaults, **self.configuration.custom_config}

    # -- inter-module API ----------------------------------------------------
    def get_api_version(self) -> str:
        return self.API_VERSION

    def get_available_methods(self) -> List[str]:
        return sorted(
            name
            for name, member in inspect.getmembers(self, callable)
            if not name.startswith("_") and getattr(member, "__module__", None) == type(self).__module__
        )

    async def call_method(self, method: str, **kwargs: Any) -> Any:
        if method not in self.get_available_methods():
            raise AttributeError(f"{self.name} has no public method {method!r}")
        self.metrics.record_call()
        result = getattr(self, method)(**kwargs)
        return await result if inspect.isawaitable(result) else result

    def register_event_handler(self, event: str, handler: Callable[[Any], Any]) -> bool:
        self._event_handlers.setdefault(event, []).append(handler)
        return True

    def emit_event(self, event: str, data: Any) -> bool:
        handlers = self._event_handlers.get(event, [])
        for handler in handlers:
            try:
                result = handler(data)
                if inspect.isawaitable(result):
                    asyncio.ensure_future(result)
            except Exception as exc:  # noqa: BLE001 - one bad handler must not stop the others
                self.metrics.record_error()
                self.logger.error("handler for %s failed: %s", event, exc)
        return bool(handlers)
