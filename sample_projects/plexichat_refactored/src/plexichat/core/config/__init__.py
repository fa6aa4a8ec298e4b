"""Runtime configuration for PlexiChat.

Settings are resolved from three layers, later layers winning:

1. the built-in defaults below,
2. a JSON file named by the ``PLEXICHAT_CONFIG`` environment variable,
3. environment variables of the form ``PLEXICHAT__SECTION__KEY`` (double
   underscores separate the levels, so ``PLEXICHAT__DATABASE__SQL_URL`` sets
   ``database.sql_url``).

Values are looked up with dotted keys: ``get_config("system.version")``.
"""

from __future__ import annotations

import copy
import json
import os
import threading
from pathlib import Path
from typing import Any, Dict, Mapping, MutableMapping, Optional

ENV_PREFIX = "PLEXICHAT__"
CONFIG_FILE_ENV = "PLEXICHAT_CONFIG"

_DEFAULTS: Dict[str, Any] = {
    "system": {
        "version": "0.9.0",
        "environment": "development",
        "debug": False,
    },
    "logging": {
        "level": "INFO",
        "json": False,
    },
    "database": {
        "sql_url": "sqlite+aiosqlite:///./data/plexichat.db",
        "vector_url": "http://localhost:6333",
        "vector_collection": "messages",
        "recheck_after": 30,
        "audit_db_path": "./data/audit.db",
    },
    "cache": {
        "default_ttl": 300,
        "max_entries": 10_000,
    },
    "files": {
        "upload_dir": "./data/uploads",
        "max_upload_mb": 25,
        "allowed_extensions": ["png", "jpg", "jpeg", "gif", "pdf", "txt", "zip"],
    },
    "idempotency": {
        "ttl_seconds": 86_400,
        "in_progress_ttl_seconds": 60,
        "shards": 16,
        "cleanup_interval_seconds": 300,
        "max_key_length": 255,
        "redis_prefix": "plexichat:idem:",
    },
}


def _deep_merge(base: MutableMapping[str, Any], override: Mapping[str, Any]) -> None:
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), MutableMapping):
            _deep_merge(base[key], value)
        else:
            base[key] = value


def _parse_env_value(raw: str) -> Any:
    """Interpret an environment value as JSON when possible, else keep the string."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _env_overrides(environ: Mapping[str, str]) -> Dict[str, Any]:
    overrides: Dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        path = [part.lower() for part in name[len(ENV_PREFIX):].split("__") if part]
        if not path:
            continue
        node = overrides
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = _parse_env_value(raw)
    return overrides


def build_config(path: Optional[str] = None, *, environ: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """Build a configuration from the defaults, the JSON file and the environment."""
    environ = os.environ if environ is None else environ
    config = copy.deepcopy(_DEFAULTS)

    file_path = path or environ.get(CONFIG_FILE_ENV)
    if file_path:
        with Path(file_path).open("r", encoding="utf-8") as handle:
            _deep_merge(config, json.load(handle))

    _deep_merge(config, _env_overrides(environ))
    return config


class ConfigStore:
    """The loaded configuration, built on first use and shared by everyone holding the store."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._config: Optional[Dict[str, Any]] = None

    def load(self, path: Optional[str] = None, *, environ: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
        config = build_config(path, environ=environ)
        with self._lock:
            self._config = config
        return config

    def current(self) -> Dict[str, Any]:
        with self._lock:
            config = self._config
        return self.load() if config is None else config

    def get(self, key: str, default: Any = None) -> Any:
        node: Any = self.current()
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, key: str, value: Any) -> None:
        config = self.current()
        parts = key.split(".")
        with self._lock:
            node = config
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value

    def reset(self) -> None:
        with self._lock:
            self._config = None


# The process's store; the functions below are the historical API over it.
config_store = ConfigStore()


def load_config(path: Optional[str] = None, *, environ: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """(Re)build the configuration and return it."""
    return config_store.load(path, environ=environ)


def get_config(key: str, default: Any = None) -> Any:
    """Return the value at dotted ``key`` or ``default`` when any level is missing."""
    return config_store.get(key, default)


def set_config(key: str, value: Any) -> None:
    """Override a single value at runtime (used by tests and the admin panel)."""
    config_store.set(key, value)


def reset_config() -> None:
    """Forget the loaded configuration; the next lookup reloads it."""
    config_store.reset()


__all__ = ["ConfigStore", "build_config", "config_store", "get_config", "set_config", "load_config", "reset_config"]
