"""Configuration access."""

_SETTINGS = {"system.version": "5.1.0"}


def get_config(key, default=None):
    return _SETTINGS.get(key, default)
