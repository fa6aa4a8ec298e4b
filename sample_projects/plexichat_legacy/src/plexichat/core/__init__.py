"""PlexiChat core: configuration, logging, caching and the optional managers.

Heavy managers depend on optional third-party packages (SQLAlchemy and
qdrant-client for the database layer). They are imported here when
available so that ``from plexichat.core import ...`` works in full installs,
and the ``HAS_*`` flags tell callers what was found.
"""

from plexichat.core.config import get_config
from plexichat.core.logging import configure_logging, get_logger

_logger = get_logger(__name__)

__all__ = ["get_config", "configure_logging", "get_logger", "HAS_CACHE", "HAS_DATABASE", "HAS_IDEMPOTENCY"]

try:
    from plexichat.core.cache import CacheManager, cache_manager
except ImportError as exc:
    _logger.error("cache manager failed to import: %s", exc)
    HAS_CACHE = False
else:
    HAS_CACHE = True
    __all__ += ["CacheManager", "cache_manager"]

try:
    from plexichat.core.database import DatabaseFallbackManager, get_fallback_manager
except ImportError as exc:  # sqlalchemy / qdrant-client not installed
    _logger.info("database layer disabled: %s", exc)
    HAS_DATABASE = False
else:
    HAS_DATABASE = True
    __all__ += ["DatabaseFallbackManager", "get_fallback_manager"]

try:
    from plexichat.core.idempotency import IdempotencyManager, get_idempotency_manager
except ImportError as exc:
    _logger.info("idempotency manager disabled: %s", exc)
    HAS_IDEMPOTENCY = False
else:
    HAS_IDEMPOTENCY = True
    __all__ += ["IdempotencyManager", "get_idempotency_manager"]
