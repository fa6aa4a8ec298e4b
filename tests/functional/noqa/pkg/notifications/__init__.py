"""Notifications package."""

__all__ = ["NotificationContext", "NotificationManager", "notification_service"]


class NotificationManager:  # NOQA:PLX101,PLX102  # [unused-noqa]
    def __init__(self):
        pass

    def shutdown(self):
        pass


class NotificationContext:  # [duplicated-fallback-stub]
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


notification_service = None  # noqa: PLX104
