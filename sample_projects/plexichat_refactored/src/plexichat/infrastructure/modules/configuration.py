"""Module configuration: the JSON-Schema subset modules declare, and its validation.

Each schema keyword is one entry of a lookup table, so supporting a new
keyword is one line instead of another branch in the validator.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict, List, Mapping, Optional

from .models import ModuleConfiguration

_JSON_TYPES: Dict[str, tuple] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
}

# keyword -> check(value, keyword's argument); True when the value satisfies it
_CONSTRAINTS: Dict[str, Callable[[Any, Any], bool]] = {
    "minimum": lambda value, limit: value >= limit,
    "maximum": lambda value, limit: value <= limit,
    "minLength": lambda value, limit: len(value) >= limit,
    "enum": lambda value, allowed: value in allowed,
}


def _type_matches(value: Any, json_type: Optional[str]) -> bool:
    if json_type in ("integer", "number") and isinstance(value, bool):
        return False  # bool is an int subclass, but not a JSON number
    return isinstance(value, _JSON_TYPES.get(json_type or "", (object,)))


def _value_problems(key: str, value: Any, rules: Optional[Mapping[str, Any]]) -> List[str]:
    if rules is None:
        return []  # keys the schema does not describe are kept as they are
    if not _type_matches(value, rules.get("type")):
        return [f"config key {key!r} must be of type {rules.get('type')}"]
    return [
        f"config key {key!r} violates {keyword}={rules[keyword]!r}"
        for keyword, check in _CONSTRAINTS.items()
        if keyword in rules and not check(value, rules[keyword])
    ]


def schema_problems(schema: Mapping[str, Any], config: Mapping[str, Any]) -> List[str]:
    """Everything wrong with ``config`` under ``schema`` (empty when it is valid)."""
    properties = schema.get("properties", {})
    problems = [f"missing required config key {key!r}" for key in schema.get("required", []) if key not in config]
    for key, value in config.items():
        problems.extend(_value_problems(key, value, properties.get(key)))
    return problems


def schema_defaults(schema: Mapping[str, Any]) -> Dict[str, Any]:
    return {key: rules["default"] for key, rules in schema.get("properties", {}).items() if "default" in rules}


class ConfigurableMixin:
    """Schema, validation and current values of a module's configuration.

    Expects ``configuration`` and ``logger`` (set up by ``BaseModule``).
    """

    configuration: ModuleConfiguration
    logger: logging.Logger

    def get_config_schema(self) -> Dict[str, Any]:
        return {"type": "object", "properties": {}}

    def validate_config(self, config: Dict[str, Any]) -> bool:
        problems = schema_problems(self.get_config_schema(), config)
        for problem in problems:
            self.logger.error("invalid configuration: %s", problem)
        return not problems

    def apply_config(self, config: Dict[str, Any]) -> bool:
        if not self.validate_config(config):
            return False
        self.configuration.custom_config.update(config)
        return True

    def get_current_config(self) -> Dict[str, Any]:
        return {**schema_defaults(self.get_config_schema()), **self.configuration.custom_config}
