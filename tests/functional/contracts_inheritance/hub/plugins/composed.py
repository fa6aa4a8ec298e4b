"""Mixins and abstract intermediate classes."""

from __future__ import annotations

from abc import abstractmethod

from hub.framework import BaseModule, ModulePermissions
from hub.framework.intermediate import ScheduledModule, ServiceModule
from hub.framework.mixins import MetadataMixin, OpenPermissionsMixin, SyncStartMixin


class Announcer(MetadataMixin, BaseModule):
    """get_metadata comes from the mixin: counts as implemented, not reported."""

    DESCRIPTION = "Posts announcements"

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class MixinAfterBase(BaseModule, MetadataMixin):  # [contract-method-missing]
    """Mixin listed after the base: BaseModule's abstract get_metadata comes first in the MRO,
    so the class is still abstract (instantiating it raises TypeError): reported."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class EchoService(MetadataMixin, ServiceModule):
    """Concrete child of an abstract intermediate: initialize from ServiceModule, metadata from
    the mixin, permissions here: not reported."""

    DESCRIPTION = "Echoes messages"

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class BrokenService(ServiceModule):  # [contract-method-missing]
    """Concrete child of the exempt intermediate: checked, lacks metadata and permissions."""


class PartialService(ServiceModule):
    """Still abstract (declares its own abstractmethod): exempt like its parent."""

    @abstractmethod
    def endpoint(self) -> str:
        """Where the service listens."""


class HttpService(MetadataMixin, PartialService):
    """Implements the abstract endpoint; everything else inherited: not reported."""

    DESCRIPTION = "HTTP service"

    def endpoint(self) -> str:
        return "http://localhost:8080"

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class Cleanup(ScheduledModule):  # [contract-method-missing]
    """Implements the intermediate's run_once but none of the contract's required methods."""

    def run_once(self) -> None:
        self.last_error = None


class CompleteCleanup(MetadataMixin, ScheduledModule):
    """Everything implemented; only its undocumented initialize is reported."""

    DESCRIPTION = "Cleans up"

    def run_once(self) -> None:
        self.last_error = None

    async def initialize(self) -> bool:  # [contract-method-undocumented]
        return True

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class SyncStarted(SyncStartMixin, MetadataMixin, BaseModule):  # [contract-method-kind]
    """initialize comes from a mixin and is sync: reported here, where the contract applies."""

    DESCRIPTION = "Started synchronously"

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class OpenAnnouncer(OpenPermissionsMixin, MetadataMixin, BaseModule):  # [contract-signature-mismatch]
    """get_required_permissions comes from a mixin with the wrong return type."""

    DESCRIPTION = "Announces openly"

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True
