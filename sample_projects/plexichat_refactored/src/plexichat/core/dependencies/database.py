"""Database dependencies for FastAPI routes.

Routes never open sessions themselves: they receive the process-wide
:class:`DatabaseFallbackManager`, which picks a healthy database per call.
"""

from plexichat.core.database import DatabaseFallbackManager, get_fallback_manager


def get_database() -> DatabaseFallbackManager:
    """Use as ``db: DatabaseFallbackManager = Depends(get_database)``."""
    return get_fallback_manager()
