"""The plug-in framework; plug-ins import the base class from here, not from .base."""

from .base import BaseModule, ModuleCapability, ModulePermissions

__all__ = ["BaseModule", "ModuleCapability", "ModulePermissions"]
