"""PLX311: contract methods without a docstring (seed 002's documentation category)."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class Undocumented(BaseModule):
    def __init__(self) -> None:
        super().__init__("undocumented")

    async def initialize(self) -> bool:  # [contract-method-undocumented]
        return True

    async def health_check(self) -> Dict[str, Any]:  # [contract-method-undocumented]
        # A comment is not a docstring.
        return {"ok": True}

    def get_metadata(self) -> Dict[str, Any]:  # [contract-method-undocumented]
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        "A plain string literal as the first statement is a docstring too: not reported."
        return ModulePermissions()

    def get_config_schema(self) -> Dict[str, Any]:  # [contract-method-undocumented]
        value = "not a docstring: not the first statement"
        return {"type": "object", "description": value}

    def helper(self) -> int:
        return 1


class Documented(BaseModule):
    """Every contract method has a docstring; __init__ and helpers need none."""

    def __init__(self) -> None:
        super().__init__("documented")

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        '''Single quotes work as well.'''
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()

    def helper(self) -> int:
        return 1
