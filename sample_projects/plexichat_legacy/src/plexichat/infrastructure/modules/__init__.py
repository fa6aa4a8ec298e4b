from .interfaces import (
    BaseModule,
    ModuleCapability,
    ModuleConfiguration,
    ModuleMetrics,
    ModulePermissions,
    ModuleState,
)

__all__ = [
    "BaseModule",
    "ModuleCapability",
    "ModuleConfiguration",
    "ModuleMetrics",
    "ModulePermissions",
    "ModuleState",
]
