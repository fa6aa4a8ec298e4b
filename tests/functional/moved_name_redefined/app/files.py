try:
    from redis import Cache
except ImportError:
    # A conditional fallback (the history says so), not a redefinition: PLX102's to report.
    class Cache:  # [shadows-central-fallback]
        pass

from app.core.fallbacks import FileManager, FileStore  # noqa: F401


class FileManager:  # [moved-name-redefined]
    def open(self, path, mode="rb"):
        return open(path, mode)


# A stub PLX102 reports as redefining a central name is not reported twice.
class FileStore:  # type: ignore[no-redef]  # [shadows-central-fallback]
    pass
