"""PLX305: configuration schemas that are not valid, self-consistent JSON Schema."""

from __future__ import annotations

from typing import Any, Dict

from myapp.core.interfaces import BaseModule, ModulePermissions


class Configurable(BaseModule):
    """Shared contract methods; its own schema is valid (not reported)."""

    async def initialize(self) -> bool:
        """Nothing to set up."""
        return True

    def get_metadata(self) -> Dict[str, Any]:
        """Registry entry."""
        return {"name": "x", "version": "1", "description": "x", "author": "x"}

    def get_required_permissions(self) -> ModulePermissions:
        """No rights."""
        return ModulePermissions()

    def get_config_schema(self) -> Dict[str, Any]:
        """Seed 002's example schema."""
        return {
            "type": "object",
            "properties": {
                "api_key": {"type": "string", "minLength": 1},
                "timeout": {"type": "integer", "minimum": 1, "maximum": 300, "default": 30},
                "level": {"type": "string", "enum": ["low", "high"], "default": "low"},
            },
            "required": ["api_key"],
        }


class MisspelledType(Configurable):
    """Metaschema error: "objekt" is not a JSON type."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {"type": "objekt", "properties": {}}  # [config-schema-invalid]


class BadKeywordValue(Configurable):
    """Metaschema error deeper down: minimum must be a number."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {"type": "object", "properties": {"retries": {"type": "integer", "minimum": "1"}}}  # [config-schema-invalid]


class RequiredNotAProperty(Configurable):
    """`secret` is required but not a property."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {  # [config-schema-invalid]
            "type": "object",
            "properties": {"url": {"type": "string"}},
            "required": ["url", "secret"],
        }


class DefaultBelowMinimum(Configurable):
    """The default breaks its own minimum."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {  # [config-schema-invalid]
            "type": "object",
            "properties": {"timeout": {"type": "integer", "minimum": 1, "default": 0}},
        }


class DefaultOutsideEnum(Configurable):
    """The default is not one of the allowed values."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {  # [config-schema-invalid]
            "type": "object",
            "properties": {
                "mode": {
                    "type": "string", "enum": ["fast", "full"], "default": "slow",
                },
            },
        }


class DefaultOfWrongType(Configurable):
    """A string default for an integer; a bool is not an integer either."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Invalid."""
        return {  # [config-schema-invalid]
            "type": "object",
            "properties": {
                "port": {"type": "integer", "default": "8080"},
                "workers": {"type": "integer", "default": True},
            },
        }


class BuiltAtRunTime(Configurable):
    """Not a literal: not checked, even though it would be invalid."""

    def get_config_schema(self) -> Dict[str, Any]:
        """Built from a variable."""
        kind = "objekt"
        return {"type": kind}


class InheritsSchema(Configurable):
    """No own get_config_schema: the parent's (valid) one is checked on the parent only."""
