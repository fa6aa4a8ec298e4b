"""`[[tool.plexilint.contracts]]`: what a family of classes must implement.

A contract names a base class; every concrete subclass in the project (directly or through
other project classes and mixins) must keep it. Seed 002's PlexiChat module contract ships as
the preset `plexichat-module`; a table can start from a preset and override any key.
"""

from __future__ import annotations

import copy
from typing import Any

USAGE_CATEGORIES = ("network", "file_system", "database", "subprocess", "external_api")

PLEXICHAT_CAPABILITIES = [
    "MESSAGING", "USER_MANAGEMENT", "FILE_HANDLING", "AUTHENTICATION", "AUTHORIZATION",
    "AI_PROCESSING", "BACKUP_STORAGE", "CLUSTERING", "SECURITY_SCANNING", "ENCRYPTION",
    "WEB_INTERFACE", "API_ENDPOINTS", "ADMIN_PANEL",
    "EXTERNAL_API", "DATABASE_ACCESS", "NETWORK_ACCESS", "FILE_SYSTEM_ACCESS",
]


def _lifecycle(name: str) -> dict[str, Any]:
    return {"async": True, "params": [], "returns": "bool", "required": name == "initialize", "lifecycle": True}


PRESETS: dict[str, dict[str, Any]] = {
    "plexichat-module": {
        "base": "*.BaseModule",
        "methods": {
            **{name: _lifecycle(name) for name in ("initialize", "start", "stop", "pause", "resume", "shutdown")},
            "health_check": {"async": True, "params": [], "returns": "Dict[str, Any]", "required": False},
            "get_metadata": {"async": False, "params": [], "returns": "Dict[str, Any]", "required": True},
            "get_required_permissions": {"async": False, "params": [], "returns": "ModulePermissions",
                                         "required": True},
            "get_config_schema": {"async": False, "params": [], "returns": "Dict[str, Any]", "required": False},
        },
        "capabilities-enum": "ModuleCapability",
        "capabilities": PLEXICHAT_CAPABILITIES,
        "permissions-method": "get_required_permissions",
        "permission-flags": {
            "network": "network_access",
            "file_system": "file_system_access",
            "database": "database_access",
            "subprocess": "admin_access",
            "external_api": "external_api_access",
        },
        "capability-for": {
            "network": "NETWORK_ACCESS",
            "file_system": "FILE_SYSTEM_ACCESS",
            "database": "DATABASE_ACCESS",
            "external_api": "EXTERNAL_API",
        },
        "metadata-method": "get_metadata",
        "metadata-keys": ["name", "version", "description", "author"],
        "config-schema-method": "get_config_schema",
        "require-super-init": True,
        "document-methods": True,
    },
}

_METHOD_KEYS = {"async": bool, "params": list, "returns": str, "required": bool, "lifecycle": bool}
_CONTRACT_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str, "preset": str, "base": str, "methods": dict, "capabilities-enum": str, "capabilities": list,
    "permissions-method": str, "permission-flags": dict, "capability-for": dict, "metadata-method": str,
    "metadata-keys": list, "config-schema-method": str, "require-super-init": bool, "document-methods": bool,
}
_EMPTY_CONTRACT: dict[str, Any] = {
    "methods": {}, "capabilities-enum": None, "capabilities": None, "permissions-method": None,
    "permission-flags": {}, "capability-for": {}, "metadata-method": None, "metadata-keys": [],
    "config-schema-method": None, "require-super-init": False, "document-methods": False,
}


def validate_contracts(value: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """Every problem of every table, each naming `contracts[i].key`; presets applied."""
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        return [], [f"invalid value for 'contracts': {value!r}: expected an array of tables "
                    "[[tool.plexilint.contracts]]"]
    contracts, problems = [], []
    for position, table in enumerate(value):
        where = f"contracts[{position}]"
        contract = copy.deepcopy(_EMPTY_CONTRACT)
        preset = table.get("preset")
        if preset is not None:
            if preset not in PRESETS:
                problems.append(f"invalid value for '{where}.preset': {preset!r}: expected one of "
                                f"{', '.join(sorted(PRESETS))}")
            else:
                contract.update(copy.deepcopy(PRESETS[preset]))
                contract["name"] = preset
        for key, item in table.items():
            expected = _CONTRACT_KEYS.get(key)
            if expected is None:
                problems.append(f"unknown key '{where}.{key}' (known keys: {', '.join(sorted(_CONTRACT_KEYS))})")
            elif not isinstance(item, expected):
                problems.append(f"invalid value for '{where}.{key}': {item!r}: expected a {_type_name(expected)}")
            elif key == "methods":
                problems += _validate_methods(where, item, contract["methods"])
            elif key in ("permission-flags", "capability-for"):
                bad = [c for c in item if c not in USAGE_CATEGORIES]
                if bad or not all(isinstance(v, str) for v in item.values()):
                    problems.append(f"invalid value for '{where}.{key}': {item!r}: expected a table mapping "
                                    f"{', '.join(USAGE_CATEGORIES)} to names")
                else:
                    contract[key].update(item)
            elif key in ("capabilities", "metadata-keys") and not all(isinstance(v, str) for v in item):
                problems.append(f"invalid value for '{where}.{key}': {item!r}: expected a list of strings")
            else:
                contract[key] = item
        for required in ("name", "base"):
            if not contract.get(required):
                problems.append(f"missing key '{where}.{required}' (or a 'preset' that sets it)")
        contracts.append(contract)
    return contracts, problems


def _validate_methods(where: str, methods: dict[str, Any], into: dict[str, Any]) -> list[str]:
    problems = []
    for name, spec in methods.items():
        if not isinstance(spec, dict):
            problems.append(f"invalid value for '{where}.methods.{name}': {spec!r}: expected a table")
            continue
        merged = {"async": None, "params": None, "returns": None, "required": True, "lifecycle": False}
        merged.update(into.get(name, {}))
        for key, item in spec.items():
            expected = _METHOD_KEYS.get(key)
            if expected is None:
                problems.append(f"unknown key '{where}.methods.{name}.{key}' (known keys: "
                                f"{', '.join(sorted(_METHOD_KEYS))})")
            elif not isinstance(item, expected) or (key == "params" and not all(isinstance(p, str) for p in item)):
                problems.append(f"invalid value for '{where}.methods.{name}.{key}': {item!r}: expected a "
                                f"{_type_name(expected)}")
            else:
                merged[key] = item
        into[name] = merged
    return problems


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {bool: "boolean", str: "string", list: "list", dict: "table"}
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(names.get(t, t.__name__) for t in types)
