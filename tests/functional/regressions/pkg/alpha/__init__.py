"""Shapes that were once missed or mis-reported (each case fails without its fix)."""

import logging

logger = logging.getLogger(__name__)


try:
    from .errors import EventDeliveryError
except ImportError:
    class EventDeliveryError(Exception):  # [duplicated-fallback-stub]
        """Forwarding through super() is still 'differs only in literals'."""

        def __init__(self, message="Event could not be delivered", status_code=502):
            super().__init__(message)
            self.status_code = status_code


try:
    from .transport import Transport
except ImportError:
    class Transport:  # [duplicated-fallback-stub]
        """Docstring-only body: the same no-op as `pass`."""


def publish(*args, **kwargs):  # [duplicated-fallback-stub]
    """Drop the event."""


class Defaults:
    enabled: bool = True
    verbose: bool = False


try:
    import yaml
except ImportError:
    logger.info("yaml unavailable")


def dump(data, yaml):
    """`yaml` here is the parameter, not the module global."""
    return yaml.dump(data)


def dump_all(items):
    yaml = None
    return [yaml for _ in items]


class Widget:  # [shadows-central-fallback]
    def render(self):
        pass
