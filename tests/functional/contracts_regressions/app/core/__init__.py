from .interfaces import BaseModule, ModuleCapability, ModulePermissions

__all__ = ["BaseModule", "ModuleCapability", "ModulePermissions"]
