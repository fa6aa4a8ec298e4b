"""The admin panel's view of the settings: one row per value, secrets masked."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Callable, Dict, Iterator, List, Tuple

from .base import Settings

SECRET_FIELDS = frozenset({"secret_key", "password", "smtp_password", "api_key", "sentry_dsn"})

# type of a value -> how the panel shows it
FORMATTERS: Dict[type, Callable[[Any], str]] = {
    bool: lambda value: "yes" if value else "no",
    list: lambda value: ", ".join(map(str, value)) or "(none)",
    dict: lambda value: json.dumps(value, sort_keys=True),
    type(None): lambda value: "(not set)",
}


def _shown(name: str, value: Any) -> str:
    if name in SECRET_FIELDS and value:
        return "***"
    return FORMATTERS.get(type(value), str)(value) if value != "" else "(not set)"


def _rows(section: str, value: Any) -> Iterator[Tuple[str, str, str]]:
    """The fields of the dataclass ``value``, nested sections flattened into ``section``."""
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if dataclasses.is_dataclass(item):
            yield from _rows(section, item)
        else:
            yield section, field.name, _shown(field.name, item)


def describe_settings(settings: Settings) -> List[Tuple[str, str, str]]:
    """(section, name, value) rows, sorted; derived values (URLs, workers) included."""
    rows = [("features", name, _shown(name, on)) for name, on in settings.features.as_dict().items()]
    for section in dataclasses.fields(settings):
        value = getattr(settings, section.name)
        if dataclasses.is_dataclass(value):
            rows.extend(_rows(section.name, value))
    rows += [
        ("database", "url", settings.database.url(mask_password=True)),
        ("redis", "url", settings.redis.url(mask_password=True) or "(in-process cache only)"),
        ("server", "base_url", settings.server.base_url),
        ("server", "effective_workers", str(settings.server.effective_workers)),
    ]
    return sorted(rows)
