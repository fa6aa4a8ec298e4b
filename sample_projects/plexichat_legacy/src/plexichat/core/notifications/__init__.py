"""User notifications (in-app, push and e-mail)."""

import logging

try:
    from plexichat.core.config import get_config
except ImportError:
    get_config = lambda key, default=None: default  # type: ignore

logger = logging.getLogger(__name__)

try:
    from .notification_manager import (
        Notification,
        NotificationManager,
        NotificationPriority,
        NotificationType,
        get_notifications,
        get_unread_count,
        mark_as_read,
        notification_manager,
        send_notification,
    )
except ImportError:
    logger.warning("using fallback notification manager")

    class NotificationType:
        INFO = "info"
        WARNING = "warning"
        ERROR = "error"
        SUCCESS = "success"

    class NotificationPriority:
        LOW = 1
        NORMAL = 2
        HIGH = 3
        URGENT = 4

    class Notification:
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

    class NotificationManager:
        pass

    notification_manager = None

    async def send_notification(*args, **kwargs):
        return None

    def get_notifications(*args, **kwargs):
        return []

    def mark_as_read(*args, **kwargs):
        return False

    def get_unread_count(*args, **kwargs):
        return 0


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "Notification",
    "NotificationManager",
    "NotificationPriority",
    "NotificationType",
    "get_notifications",
    "get_unread_count",
    "mark_as_read",
    "notification_manager",
    "send_notification",
    "__version__",
]
