"""Plugins.  The star import below may bind any name, so nothing here can be judged."""

from .builtin import *  # noqa: F401,F403

try:
    from .extra import ExtraPlugin
except ImportError:
    pass


def default_plugins():
    return [ExtraPlugin()]
