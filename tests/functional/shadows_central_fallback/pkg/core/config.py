"""Configuration access."""

_SETTINGS = {"system.version": "3.0.0"}


def get_config(key, default=None):
    return _SETTINGS.get(key, default)
