"""The validation vocabulary every settings section uses, so each check is one line."""

from __future__ import annotations

from typing import Any, Iterable
from urllib.parse import urlparse


class SettingsError(ValueError):
    """A setting is missing, malformed or unsafe for the current environment."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise SettingsError(field, message)


def check_port(field: str, port: int) -> None:
    require(0 < port < 65536, field, f"{port} is not a TCP port")


def check_between(field: str, value: float, low: float, high: float) -> None:
    require(low <= value <= high, field, f"must be between {low} and {high}")


def check_choice(field: str, value: Any, choices: Iterable[Any]) -> None:
    choices = tuple(choices)
    require(value in choices, field, f"must be one of {', '.join(map(str, choices))}")


def check_url(field: str, url: str, schemes: Iterable[str] = ("http", "https")) -> None:
    parsed = urlparse(url)
    require(parsed.scheme in tuple(schemes) and bool(parsed.netloc), field, f"{url!r} is not an absolute URL")
