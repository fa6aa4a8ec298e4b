"""Files package."""

from ..core.config import get_config

__version__ = get_config("system.version", "0.0.0")


class FileManager:  # [duplicated-fallback-stub]
    def start(self):
        pass

    def stop(self):
        pass


class FileContext:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def health(request):  # [duplicated-fallback-stub]
    return {"status": "ok"}
