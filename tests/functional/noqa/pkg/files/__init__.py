"""Files package."""

from .storage import FileStore

__all__ = ["FileContext", "FileManager", "emit_file_event", "file_store"]


class FileManager:  # noqa: PLX104  # [duplicated-fallback-stub, unused-noqa]
    def __init__(self):
        pass

    def shutdown(self):
        pass


class FileContext:  # noqa: PLX1
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def emit_file_event(*args, **kwargs):  # [duplicated-fallback-stub]
    pass


file_store = None  # noqa: PLX101  # [placeholder-instance, unused-noqa]
