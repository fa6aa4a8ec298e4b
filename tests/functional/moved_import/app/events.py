"""The old home keeps re-exporting what moved while callers migrate."""
from app.core.fallbacks import EventManager, emit_event as emit

__all__ = ["EventManager", "emit"]
