"""Configuration access."""

_SETTINGS = {"system.version": "2.4.1"}


def get_config(key, default=None):
    return _SETTINGS.get(key, default)
