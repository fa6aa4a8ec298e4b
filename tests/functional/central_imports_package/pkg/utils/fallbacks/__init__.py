"""Central fallbacks for the whole package.

Every module of ``pkg`` imports this one, so it must not import any of them at import
time.  The imports marked below do, and create import cycles.
"""

from __future__ import annotations

import logging
import pkgutil
from typing import TYPE_CHECKING

import pkg.events  # [central-imports-package]
from pkg.core.config import get_config  # [central-imports-package]

from .. import text  # [central-imports-package]
from . import stubs
from .stubs import EventManager, emit_event

if TYPE_CHECKING:
    from pkg.events.bus import EventBus

try:
    from pkg.core.settings import DEBUG  # [central-imports-package]
except ImportError:
    DEBUG = False

logger = logging.getLogger(__name__)

__all__ = ["EventManager", "emit_event", "get_event_bus", "get_module_version", "stubs"]


def get_module_version():
    return get_config("system.version", "0.0.0")


def get_event_bus() -> EventBus | None:
    try:
        from pkg.events.bus import EventBus  # lazy: runs after the package is initialised
    except ImportError:
        logger.debug("no event bus available")
        return None
    return EventBus()


def list_plugins():
    return [info.name for info in pkgutil.iter_modules(pkg.events.__path__)]


def slug(value):
    return text.slugify(value)
