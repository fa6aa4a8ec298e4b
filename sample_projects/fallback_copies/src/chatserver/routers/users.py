"""User routes."""

from __future__ import annotations

from typing import Any

ROUTES: list[tuple[str, str]] = [("GET", "/users"), ("GET", "/users/{user_id}")]


def router() -> list[tuple[str, str]]:
    return list(ROUTES)


def describe() -> dict[str, Any]:
    return {"prefix": "/users", "routes": len(ROUTES)}
