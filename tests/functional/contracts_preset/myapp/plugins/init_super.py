"""PLX304: an __init__ that never runs the base class's."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class Described(BaseModule):
    """The contract methods every class below shares (this one has no __init__: not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()


class SkipsSuper(Described):
    """name, version, logger... never set."""

    def __init__(self, threshold: float = 0.8) -> None:  # [init-without-super]
        self.threshold = threshold


class CallsSuper(Described):
    """super().__init__(...): not reported."""

    def __init__(self, threshold: float = 0.8) -> None:
        super().__init__("calls_super", "1.0.0")
        self.threshold = threshold


class CallsBaseExplicitly(Described):
    """Base.__init__(self, ...): not reported."""

    def __init__(self) -> None:
        Described.__init__(self, "explicit")


class CallsSuperConditionally(Described):
    """A super().__init__ call anywhere in __init__ counts."""

    def __init__(self, name: str = "") -> None:
        if name:
            super().__init__(name)
        else:
            super().__init__("default")
