"""PlexiChat core: configuration, logging, caching and the optional managers.

The database layer depends on optional third-party packages (SQLAlchemy and
qdrant-client). It is imported here when available so that
``from plexichat.core import ...`` works in full installs, and ``HAS_DATABASE``
tells callers whether it was found.
"""

from plexichat.core.cache import CacheManager, cache_manager
from plexichat.core.config import get_config
from plexichat.core.logging import configure_logging, get_logger

_logger = get_logger(__name__)

__all__ = ["CacheManager", "cache_manager", "configure_logging", "get_config", "get_logger", "HAS_DATABASE"]

try:
    from plexichat.core.database import DatabaseFallbackManager, get_fallback_manager
except ImportError as exc:  # sqlalchemy / qdrant-client not installed
    _logger.info("database layer disabled: %s", exc)
    HAS_DATABASE = False
else:
    HAS_DATABASE = True
    __all__ += ["DatabaseFallbackManager", "get_fallback_manager"]
