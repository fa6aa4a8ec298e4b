"""User notifications (in-app, push and e-mail)."""

from plexichat.core.utils.fallbacks import (
    Notification,
    NotificationManager,
    NotificationPriority,
    NotificationType,
    get_fallback_instance,
    get_module_version,
    get_notifications,
    get_unread_count,
    mark_as_read,
    send_notification,
)

notification_manager = get_fallback_instance("NotificationManager")

__version__ = get_module_version()

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
