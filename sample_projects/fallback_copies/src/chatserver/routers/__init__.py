"""The API's routers."""

from __future__ import annotations

import logging

try:
    from .rooms import router as rooms_router
    from .users import router as users_router
except ImportError:
    logger = logging.getLogger(__name__)
    logger.warning("routers unavailable")


def all_routes():
    return [*users_router(), *rooms_router()]


__all__ = ["all_routes", "rooms_router", "users_router"]
