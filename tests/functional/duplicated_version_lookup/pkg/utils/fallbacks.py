"""Shared fallbacks, including the one version lookup every package should use."""


def get_module_version():
    try:
        from pkg.core.config import get_config  # lazy: no import cycle
    except ImportError:
        return "0.0.0"
    return get_config("system.version", "0.0.0")
