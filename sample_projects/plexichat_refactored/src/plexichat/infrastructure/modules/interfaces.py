"""Contracts every PlexiChat plug-in module implements.

A module subclasses :class:`BaseModule` and must provide ``initialize``
(a coroutine), ``get_metadata`` and ``get_required_permissions``. The loader
validates the declared permissions and the configuration schema before
activating a module.

``BaseModule`` is assembled from one mixin per concern (lifecycle,
configuration, introspection, events); each lives in its own module and can
be read and tested alone, while modules keep subclassing ``BaseModule`` only.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Callable, Dict, List, Optional

from .configuration import ConfigurableMixin
from .inter_module import EventsMixin, IntrospectionMixin
from .lifecycle import LifecycleMixin
from .models import (
    ModuleCapability,
    ModuleConfiguration,
    ModuleMetrics,
    ModulePermissions,
    ModuleState,
)


class BaseModule(LifecycleMixin, ConfigurableMixin, IntrospectionMixin, EventsMixin, ABC):
    """Base class of all plug-in modules."""

    def __init__(self, name: str, version: str = "1.0.0") -> None:
        self.name = name
        self.version = version
        self.state = ModuleState.LOADED
        self.configuration = ModuleConfiguration()
        self.metrics = ModuleMetrics()
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(f"plexichat.modules.{name}")
        self._event_handlers: Dict[str, List[Callable[[Any], Any]]] = {}

    @abstractmethod
    async def initialize(self) -> bool:
        """Prepare the module; return False to abort loading."""

    @abstractmethod
    def get_metadata(self) -> Dict[str, Any]:
        """Return at least ``name``, ``version``, ``description`` and ``author``."""

    @abstractmethod
    def get_required_permissions(self) -> ModulePermissions:
        """Declare everything the module needs; undeclared access is denied."""


__all__ = [
    "BaseModule",
    "ModuleCapability",
    "ModuleConfiguration",
    "ModuleMetrics",
    "ModulePermissions",
    "ModuleState",
]
