"""Room routes."""

from __future__ import annotations

ROUTES: list[tuple[str, str]] = [("GET", "/rooms"), ("POST", "/rooms")]


def router() -> list[tuple[str, str]]:
    return list(ROUTES)
