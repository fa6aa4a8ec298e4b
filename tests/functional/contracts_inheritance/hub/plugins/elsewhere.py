"""A parent defined in another module; bases reached through module aliases."""

from __future__ import annotations

from typing import Any, Dict

import hub.framework.base as fw
from hub import framework
from hub.framework import ModulePermissions
from hub.plugins.chain import Greeter, HalfDone


class PoliteGreeter(Greeter):
    """Parent imported from hub.plugins.chain: inherits everything, not reported."""


class LateGreeter(Greeter):
    """Parent in another module; its own override is checked."""

    async def start(self) -> bool:  # [lifecycle-error-handling]
        """Lets an exception from warm_up() escape."""
        await self.warm_up()
        return True

    async def warm_up(self) -> None:
        self.greeting = self.greeting.title()


class AlsoHalfDone(HalfDone):  # [contract-method-missing]
    """The gap inherited across modules."""


class ThroughPackageModule(framework.BaseModule):  # [contract-method-missing]
    """`framework.BaseModule`: the re-export, reached through the package module."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True


class ThroughAliasedModule(fw.BaseModule):
    """`fw.BaseModule` with `import hub.framework.base as fw`: complete, not reported."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "aliased", "version": "1", "description": "x", "author": "Team"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights (built through the module alias)."""
        return fw.ModulePermissions()
