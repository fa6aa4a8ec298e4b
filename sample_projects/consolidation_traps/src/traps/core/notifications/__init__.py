"""Notifications: the package root re-exports the manager; nothing here uses it."""

try:
    from traps.core.notifications.sender import NotificationManager
except ImportError:
    class NotificationManager:
        def __init__(self, *args, **kwargs):
            pass
