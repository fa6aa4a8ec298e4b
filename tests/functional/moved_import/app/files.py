try:
    from redis import Cache
except ImportError:
    from app.core.fallbacks import Cache
from app.core.fallbacks import FileManager, FileStore
