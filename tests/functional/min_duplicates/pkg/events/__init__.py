"""Events package."""

from pkg.core.config import get_config

__version__ = get_config("system.version", "0.0.0")


class EventManager:  # [duplicated-fallback-stub]
    def start(self):
        pass

    def stop(self):
        pass


class EventContext:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def health(request):  # [duplicated-fallback-stub]
    return {"status": "ok"}


def readiness(request):  # [duplicated-fallback-stub]
    return {"status": "ready"}
