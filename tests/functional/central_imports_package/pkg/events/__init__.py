"""Events package."""

from pkg.utils.fallbacks import EventManager, emit_event

__all__ = ["EventManager", "emit_event"]
