"""Traps: the package's public names, re-exported from where they live."""

from traps.core.notifications import NotificationManager

__version__ = "0.1.0"
