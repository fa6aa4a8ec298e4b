"""Configuration access.  Imports the fallbacks, like every module of the package."""

from pkg.utils.fallbacks import emit_event

_SETTINGS = {"system.version": "4.0.0"}


def get_config(key, default=None):
    emit_event("config.read", key=key)
    return _SETTINGS.get(key, default)
