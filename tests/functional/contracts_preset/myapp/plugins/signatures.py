"""PLX303: parameters or return annotation that differ from the contract."""

from __future__ import annotations

import typing
from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class WrongSignatures(BaseModule):
    """Extra parameters, wrong or missing return annotations."""

    async def initialize(self, config) -> bool:  # [contract-signature-mismatch]
        """The loader calls initialize() with no argument."""
        return config is not None

    async def start(self) -> dict:  # [contract-signature-mismatch]
        """Returns the wrong type."""
        return {}

    async def stop(self):  # [contract-signature-mismatch]
        """No return annotation at all."""
        return True

    async def health_check(self) -> str:  # [contract-signature-mismatch]
        """A string where a Dict[str, Any] is expected."""
        return "ok"

    def get_metadata(self, verbose: bool) -> Dict[str, Any]:  # [contract-signature-mismatch]
        """A required extra parameter."""
        return {"name": "x", "version": "1", "description": "x", "author": str(verbose)}

    def get_required_permissions(self) -> ModulePermissions:
        """Matches: not reported."""
        return ModulePermissions()


class EquivalentSignatures(BaseModule):
    """Spellings the contract treats as equal: typing. prefix, dict/Dict, spacing."""

    async def initialize(self) -> bool:
        """Exact match."""
        return True

    async def health_check(self) -> typing.Dict[str, typing.Any]:
        """typing.Dict[str, typing.Any] is Dict[str, Any]."""
        return {}

    def get_metadata(self) -> dict[str,Any]:
        """dict[str,Any] is Dict[str, Any]."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """Exact match."""
        return ModulePermissions()

    def get_config_schema(self) -> Dict[str, Any]:
        """Exact match."""
        return {"type": "object"}
