"""Notifications package."""

__all__ = ["NotificationManager", "notifications_health"]


class NotificationManager:  # [shadows-central-fallback]
    """Same body as the central EventManager stub, under another name."""

    def __init__(self):
        pass

    def shutdown(self):
        pass


def notifications_health(request):  # [duplicated-fallback-stub]
    return {"status": "ok", "component": "notifications"}
