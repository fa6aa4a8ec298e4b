"""`[[tool.plexilint.contracts]]`: what a family of classes must implement.

A contract names a base class; every concrete subclass in the project (directly or through
other project classes and mixins) must keep it. The PlexiChat module contract ships as
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
        contract, table_problems = _validate_contract(f"contracts[{position}]", table)
        contracts.append(contract)
        problems += table_problems
    return contracts, problems


def _validate_contract(where: str, table: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    contract = copy.deepcopy(_EMPTY_CONTRACT)
    problems = _apply_preset(where, table.get("preset"), contract)
    for key, item in table.items():
        problems += _validate_key(where, key, item, contract)
    for required in ("name", "base"):
        if not contract.get(required):
            problems.append(f"missing key '{where}.{required}' (or a 'preset' that sets it)")
    return contract, problems


def _apply_preset(where: str, preset: Any, contract: dict[str, Any]) -> list[str]:
    """Starts the contract from the named preset; the table's own keys override it."""
    if preset is None:
        return []
    if not isinstance(preset, str) or preset not in PRESETS:  # a list or table is unhashable
        return [f"invalid value for '{where}.preset': {preset!r}: expected one of {', '.join(sorted(PRESETS))}"]
    contract.update(copy.deepcopy(PRESETS[preset]))
    contract["name"] = preset
    return []


def _validate_key(where: str, key: str, item: Any, contract: dict[str, Any]) -> list[str]:
    """Problems with one key of a contract table; a valid value is stored into ``contract``."""
    expected = _CONTRACT_KEYS.get(key)
    if expected is None:
        return [f"unknown key '{where}.{key}' (known keys: {', '.join(sorted(_CONTRACT_KEYS))})"]
    if not isinstance(item, expected):
        return [f"invalid value for '{where}.{key}': {item!r}: expected a {_type_name(expected)}"]
    # (each isinstance below holds once the type is checked: it tells the type checker so)
    if key == "methods" and isinstance(item, dict):
        return _validate_methods(where, item, contract["methods"])
    if key in ("permission-flags", "capability-for") and isinstance(item, dict):
        return _merge_category_table(where, key, item, contract)
    if key in ("capabilities", "metadata-keys") and isinstance(item, list) \
            and not all(isinstance(v, str) for v in item):
        return [f"invalid value for '{where}.{key}': {item!r}: expected a list of strings"]
    contract[key] = item
    return []


def _merge_category_table(where: str, key: str, item: dict[str, Any], contract: dict[str, Any]) -> list[str]:
    """`permission-flags` and `capability-for`: usage category -> name, merged over the preset."""
    bad = [c for c in item if c not in USAGE_CATEGORIES]
    if bad or not all(isinstance(v, str) for v in item.values()):
        return [f"invalid value for '{where}.{key}': {item!r}: expected a table mapping "
                f"{', '.join(USAGE_CATEGORIES)} to names"]
    contract[key].update(item)
    return []


def _validate_methods(where: str, methods: dict[str, Any], into: dict[str, Any]) -> list[str]:
    problems = []
    for name, spec in methods.items():
        if not isinstance(spec, dict):
            problems.append(f"invalid value for '{where}.methods.{name}': {spec!r}: expected a table")
            continue
        merged: dict[str, Any] = {"async": None, "params": None, "returns": None, "required": True, "lifecycle": False}
        merged.update(into.get(name, {}))
        for key, item in spec.items():
            expected = _METHOD_KEYS.get(key)
            if expected is None:
                problems.append(f"unknown key '{where}.methods.{name}.{key}' (known keys: "
                                f"{', '.join(sorted(_METHOD_KEYS))})")
            elif not isinstance(item, expected) or (
                    key == "params" and isinstance(item, list) and not all(isinstance(p, str) for p in item)):
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
