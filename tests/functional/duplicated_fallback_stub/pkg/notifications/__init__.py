"""Notifications: e-mail and push delivery, with placeholders when neither is set up."""

__all__ = [
    "NotificationChannel",
    "NotificationContext",
    "NotificationManager",
    "notification_handler",
    "notifications_health",
    "send_notification",
]


class NotificationManager:  # [duplicated-fallback-stub]
    def __init__(self):
        pass

    def shutdown(self):
        """Nothing to flush."""
        pass


class NotificationContext:  # [duplicated-fallback-stub]
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class NotificationChannel:  # other members than the priorities: not a copy of them
    EMAIL = "email"
    PUSH = "push"
    SMS = "sms"


class NotificationPriority:  # [duplicated-fallback-stub]
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


def send_notification(*args, **kwargs):  # [duplicated-fallback-stub]
    pass


def notification_handler(*args, **kwargs):  # [duplicated-fallback-stub]
    def decorator(func):
        return func

    return decorator


def notifications_health(request):  # [duplicated-fallback-stub]
    return {"status": "degraded", "component": "notifications"}


def render_template(name, context):
    """Real code: formats the template with the context."""
    return name.format(**context)
