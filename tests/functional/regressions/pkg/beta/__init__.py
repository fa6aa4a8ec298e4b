import logging

logger = logging.getLogger(__name__)


try:
    from .errors import EventTimeoutError
except ImportError:
    class EventTimeoutError(Exception):  # [duplicated-fallback-stub]
        def __init__(self, message="Event timed out", status_code=504):
            super().__init__(message)
            self.status_code = status_code


try:
    from .store import Store
except ImportError:
    class Store:  # [duplicated-fallback-stub]
        pass


def emit(*args, **kwargs):  # [duplicated-fallback-stub]
    pass


class Limits:
    strict: bool = False
    cached: bool = True


try:
    from .codec import Codec  # [undefined-on-import-failure]
except ImportError:
    pass


def encode(value):
    return Codec().encode(value)  # Codec is the module global here: reported on the import
