"""Where setting values come from: ``.env`` files and ``PLEXICHAT_*`` variables.

Values are strings; each is converted to the type of the field's default with
a lookup table from type to parser (one line per supported type).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path, PurePath
from typing import Any, Callable, Dict, Mapping, Type, TypeVar

from .validation import SettingsError, require

logger = logging.getLogger(__name__)

ENV_PREFIX = "PLEXICHAT_"
TRUTHY = frozenset({"1", "true", "yes", "on", "y", "t"})
FALSY = frozenset({"0", "false", "no", "off", "n", "f", ""})

T = TypeVar("T")


def read_env_file(path: Path) -> Dict[str, str]:
    """``KEY=value`` lines; ``#`` starts a comment, ``export`` and surrounding quotes are dropped."""
    if not path.is_file():
        return {}
    values: Dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip().removeprefix("export ").strip()
        if line and not line.startswith("#"):
            _parse_line(values, line, f"{path}:{number}")
    return values


def _parse_line(values: Dict[str, str], line: str, where: str) -> None:
    name, separator, value = line.partition("=")
    if not separator:
        logger.warning("%s: ignoring line without '='", where)
        return
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    values[name.strip()] = value


def _boolean(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    require(lowered in TRUTHY | FALSY, name, f"expected a boolean, got {raw!r}")
    return lowered in TRUTHY


def _integer(name: str, raw: str) -> int:
    text = raw.strip().replace("_", "")
    require(text.lstrip("+-").isdigit(), name, f"expected an integer, got {raw!r}")
    return int(text)


def _number(name: str, raw: str) -> float:
    try:
        return float(raw.strip())
    except ValueError:
        raise SettingsError(name, f"expected a number, got {raw!r}") from None


def _items(name: str, raw: str) -> list:
    text = raw.strip()
    if text.startswith("["):
        return list(json.loads(text))
    return [item.strip() for item in text.split(",") if item.strip()]


def _json_object(name: str, raw: str) -> dict:
    parsed = json.loads(raw)
    require(isinstance(parsed, dict), name, "expected a JSON object")
    return parsed


# type of the default -> parser; exact types, so bool is not taken for int
PARSERS: Dict[type, Callable[[str, str], Any]] = {
    bool: _boolean,
    int: _integer,
    float: _number,
    str: lambda name, raw: raw,
    list: _items,
    tuple: lambda name, raw: tuple(_items(name, raw)),
    dict: _json_object,
    type(None): lambda name, raw: raw or None,
}


def coerce_env_value(name: str, raw: str, default: Any) -> Any:
    """Convert the string ``raw`` to the type of ``default``."""
    if isinstance(default, PurePath):
        return Path(raw.strip()).expanduser()
    parser = PARSERS.get(type(default))
    if parser is None:
        raise SettingsError(name, f"unsupported setting type {type(default).__name__}")
    return parser(name, raw)


def _default_of(field: dataclasses.Field) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def read_section(section: Type[T], source: Mapping[str, str], prefix: str) -> T:
    """Build the dataclass ``section`` from ``PLEXICHAT_<PREFIX><FIELD>`` values; absent ones keep defaults."""
    values = {}
    for field in dataclasses.fields(section):
        name = f"{ENV_PREFIX}{prefix}{field.name.upper()}"
        if name in source:
            values[field.name] = coerce_env_value(name, source[name], _default_of(field))
    return section(**values)
