"""Canonical no-op fallbacks for PlexiChat core components.

Core packages whose real implementation is optional (or not written yet)
import their public names from here instead of defining local stand-ins:

    from plexichat.core.utils.fallbacks import EventManager, emit_event, get_fallback_instance

    event_manager = get_fallback_instance("EventManager")

Everything here is deliberately inert: managers accept any arguments and do
nothing, data objects are attribute bags, functions return an empty value of
the type callers expect, and decorators return the function unchanged.

This module must not import anything from ``plexichat`` at module level:
every core package imports it, so such an import would be circular.
:func:`get_module_version` therefore imports the config lazily.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Type, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


# --------------------------------------------------------------------------
# Shared building blocks
# --------------------------------------------------------------------------
class _NoOpComponent:
    """Base of every fallback manager: accepts any arguments, does nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"<fallback {type(self).__name__}>"


class _Record:
    """Attribute bag used for fallback data objects (``Event(type="x")``)."""

    def __init__(self, **kwargs: Any) -> None:
        self.__dict__.update(kwargs)

    def __repr__(self) -> str:
        fields = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


class _PassthroughMiddleware:
    """ASGI middleware that forwards every call to the wrapped app."""

    def __init__(self, app: Any, **options: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def passthrough_decorator(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """Decorator factory that leaves the decorated function unchanged."""

    def decorator(func: F) -> F:
        return func

    return decorator


# --------------------------------------------------------------------------
# events
# --------------------------------------------------------------------------
class EventManager(_NoOpComponent):
    pass


class EventHandler(_NoOpComponent):
    pass


class Event(_Record):
    pass


class EventPriority:
    LOW = 1
    NORMAL = 2
    HIGH = 3
    CRITICAL = 4


def emit_event(*args: Any, **kwargs: Any) -> None:
    return None


def register_event_handler(*args: Any, **kwargs: Any) -> None:
    return None


def unregister_event_handler(*args: Any, **kwargs: Any) -> bool:
    return False


def get_event_history(*args: Any, **kwargs: Any) -> List[Any]:
    return []


# --------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------
class FileManager(_NoOpComponent):
    pass


class FileMetadata(_Record):
    pass


def upload_file(*args: Any, **kwargs: Any) -> None:
    return None


def get_file_metadata(*args: Any, **kwargs: Any) -> None:
    return None


def delete_file(*args: Any, **kwargs: Any) -> bool:
    return False


def list_files(*args: Any, **kwargs: Any) -> List[Any]:
    return []


# --------------------------------------------------------------------------
# messaging (coroutines stay coroutines)
# --------------------------------------------------------------------------
class MessageType:
    TEXT = "text"
    IMAGE = "image"
    FILE = "file"
    SYSTEM = "system"


class ChannelType:
    DIRECT = "direct"
    GROUP = "group"
    PUBLIC = "public"
    ANNOUNCEMENT = "announcement"


class UnifiedMessagingManager(_NoOpComponent):
    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


class MessageEncryption(_NoOpComponent):
    pass


class MessageValidator(_NoOpComponent):
    pass


class MessageRouter(_NoOpComponent):
    pass


async def send_message(*args: Any, **kwargs: Any) -> None:
    return None


async def get_message(*args: Any, **kwargs: Any) -> None:
    return None


async def get_channel_messages(*args: Any, **kwargs: Any) -> List[Any]:
    return []


async def delete_message(*args: Any, **kwargs: Any) -> bool:
    return False


# --------------------------------------------------------------------------
# middleware
# --------------------------------------------------------------------------
class RateLimitMiddleware(_PassthroughMiddleware):
    pass


class SecurityHeadersMiddleware(_PassthroughMiddleware):
    pass


# --------------------------------------------------------------------------
# monitoring
# --------------------------------------------------------------------------
class MetricType:
    COUNTER = "counter"
    GAUGE = "gauge"
    HISTOGRAM = "histogram"
    TIMER = "timer"


class AlertSeverity:
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    CRITICAL = "critical"


class PerformanceMonitor(_NoOpComponent):
    pass


def start_performance_monitoring(*args: Any, **kwargs: Any) -> None:
    return None


def stop_performance_monitoring(*args: Any, **kwargs: Any) -> None:
    return None


def record_metric(*args: Any, **kwargs: Any) -> None:
    return None


def get_metrics(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {}


def raise_alert(*args: Any, **kwargs: Any) -> bool:
    return False


track_performance = passthrough_decorator


# --------------------------------------------------------------------------
# notifications
# --------------------------------------------------------------------------
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


class Notification(_Record):
    pass


class NotificationManager(_NoOpComponent):
    pass


async def send_notification(*args: Any, **kwargs: Any) -> None:
    return None


def get_notifications(*args: Any, **kwargs: Any) -> List[Any]:
    return []


def mark_as_read(*args: Any, **kwargs: Any) -> bool:
    return False


def get_unread_count(*args: Any, **kwargs: Any) -> int:
    return 0


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------
class BaseAPIException(Exception):
    def __init__(self, message: str = "Internal server error", status_code: int = 500) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class ValidationError(BaseAPIException):
    def __init__(self, message: str = "Validation failed", status_code: int = 400) -> None:
        super().__init__(message, status_code)


class AuthenticationError(BaseAPIException):
    def __init__(self, message: str = "Authentication required", status_code: int = 401) -> None:
        super().__init__(message, status_code)


class AuthorizationError(BaseAPIException):
    def __init__(self, message: str = "Permission denied", status_code: int = 403) -> None:
        super().__init__(message, status_code)


class NotFoundError(BaseAPIException):
    def __init__(self, message: str = "Not found", status_code: int = 404) -> None:
        super().__init__(message, status_code)


class ConflictError(BaseAPIException):
    def __init__(self, message: str = "Resource conflict", status_code: int = 409) -> None:
        super().__init__(message, status_code)


class ServiceUnavailableError(BaseAPIException):
    def __init__(self, message: str = "Service temporarily unavailable", status_code: int = 503) -> None:
        super().__init__(message, status_code)


class RateLimitError(BaseAPIException):
    """Too many requests; carries the number of seconds the client should wait."""

    def __init__(self, retry_after: int, message: str = "Rate limit exceeded") -> None:
        super().__init__(f"{message}, retry in {retry_after}s", 429)
        self.retry_after = max(int(retry_after), 1)

    @property
    def headers(self) -> Dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class ErrorSeverity:
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ErrorCategory:
    VALIDATION = "validation"
    AUTHENTICATION = "authentication"
    DATABASE = "database"
    NETWORK = "network"
    INTERNAL = "internal"


class ErrorCode:
    UNKNOWN = 1000
    VALIDATION_FAILED = 1001
    NOT_FOUND = 1004
    UNAUTHORIZED = 1010
    FORBIDDEN = 1011
    DATABASE_UNAVAILABLE = 2001


class ErrorManager(_NoOpComponent):
    def record(self, *args: Any, **kwargs: Any) -> None:
        pass


def handle_validation_error(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"error": "validation_failed", "status": 400}


def handle_authentication_error(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"error": "authentication_required", "status": 401}


def handle_not_found_error(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"error": "not_found", "status": 404}


def handle_internal_error(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"error": "internal_error", "status": 500}


def get_error_code(*args: Any, **kwargs: Any) -> int:
    return 0


# --------------------------------------------------------------------------
# caching
# --------------------------------------------------------------------------
class CacheManager(_NoOpComponent):
    pass


class DistributedCacheManager(_NoOpComponent):
    async def connect(self) -> None:
        pass

    async def close(self) -> None:
        pass


class CacheEntry(_Record):
    pass


def cache_get(*args: Any, **kwargs: Any) -> None:
    return None


def cache_set(*args: Any, **kwargs: Any) -> bool:
    return False


def cache_delete(*args: Any, **kwargs: Any) -> bool:
    return False


def cache_clear(*args: Any, **kwargs: Any) -> None:
    return None


cached = passthrough_decorator


# --------------------------------------------------------------------------
# scheduler
# --------------------------------------------------------------------------
class TaskScheduler(_NoOpComponent):
    pass


class ScheduledTask(_Record):
    pass


class TaskStatus:
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TaskType:
    ONCE = "once"
    RECURRING = "recurring"
    CRON = "cron"


def schedule_once(*args: Any, **kwargs: Any) -> None:
    return None


def schedule_recurring(*args: Any, **kwargs: Any) -> None:
    return None


def cancel_task(*args: Any, **kwargs: Any) -> bool:
    return False


def get_task_status(*args: Any, **kwargs: Any) -> None:
    return None


# --------------------------------------------------------------------------
# services
# --------------------------------------------------------------------------
class ServiceManager(_NoOpComponent):
    """Keeps a registry of services but never starts them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.services: Dict[str, Any] = {}

    def register(self, service: Any) -> None:
        self.services[service.name] = service

    def get(self, name: str) -> Optional[Any]:
        return self.services.get(name)

    async def start_all(self) -> None:
        pass

    async def stop_all(self) -> None:
        pass


# --------------------------------------------------------------------------
# threading
# --------------------------------------------------------------------------
class ThreadManager(_NoOpComponent):
    def shutdown(self, wait: bool = True) -> None:
        pass


class AsyncThreadManager(_NoOpComponent):
    pass


def submit_task(*args: Any, **kwargs: Any) -> None:
    return None


async def run_in_thread(*args: Any, **kwargs: Any) -> None:
    return None


# --------------------------------------------------------------------------
# security
# --------------------------------------------------------------------------
class SecurityManager(_NoOpComponent):
    pass


class AuthManager(_NoOpComponent):
    def authenticate(self, *args: Any, **kwargs: Any) -> None:
        return None


class SecurityContext(_Record):
    pass


def verify_token(*args: Any, **kwargs: Any) -> None:
    return None


require_permission = passthrough_decorator


# --------------------------------------------------------------------------
# lookup helpers
# --------------------------------------------------------------------------
_FALLBACK_CLASSES: Dict[str, Type[Any]] = {
    cls.__name__: cls
    for cls in (
        AlertSeverity,
        AsyncThreadManager,
        AuthManager,
        CacheEntry,
        CacheManager,
        ChannelType,
        DistributedCacheManager,
        ErrorCategory,
        ErrorCode,
        ErrorManager,
        ErrorSeverity,
        Event,
        EventHandler,
        EventManager,
        EventPriority,
        FileManager,
        FileMetadata,
        MessageEncryption,
        MessageRouter,
        MessageType,
        MessageValidator,
        MetricType,
        Notification,
        NotificationManager,
        NotificationPriority,
        NotificationType,
        PerformanceMonitor,
        RateLimitMiddleware,
        ScheduledTask,
        SecurityContext,
        SecurityHeadersMiddleware,
        SecurityManager,
        ServiceManager,
        TaskScheduler,
        TaskStatus,
        TaskType,
        ThreadManager,
        UnifiedMessagingManager,
    )
}


def get_fallback_class(name: str) -> Type[Any]:
    """Return the fallback class called ``name``."""
    try:
        return _FALLBACK_CLASSES[name]
    except KeyError:
        raise LookupError(f"no fallback class named {name!r}") from None


def get_fallback_instance(name: str, *args: Any, **kwargs: Any) -> Any:
    """Instantiate the fallback class called ``name`` with the given arguments."""
    return get_fallback_class(name)(*args, **kwargs)


def get_module_version(default: str = "0.0.0") -> str:
    """``system.version`` from the configuration, or ``default`` if unavailable."""
    try:
        from plexichat.core.config import get_config
    except ImportError:
        return default
    return str(get_config("system.version", default))


__all__ = [
    "AlertSeverity",
    "AsyncThreadManager",
    "AuthManager",
    "AuthenticationError",
    "AuthorizationError",
    "BaseAPIException",
    "CacheEntry",
    "CacheManager",
    "ChannelType",
    "ConflictError",
    "DistributedCacheManager",
    "ErrorCategory",
    "ErrorCode",
    "ErrorManager",
    "ErrorSeverity",
    "Event",
    "EventHandler",
    "EventManager",
    "EventPriority",
    "FileManager",
    "FileMetadata",
    "MessageEncryption",
    "MessageRouter",
    "MessageType",
    "MessageValidator",
    "MetricType",
    "NotFoundError",
    "Notification",
    "NotificationManager",
    "NotificationPriority",
    "NotificationType",
    "PerformanceMonitor",
    "RateLimitError",
    "RateLimitMiddleware",
    "ScheduledTask",
    "SecurityContext",
    "SecurityHeadersMiddleware",
    "SecurityManager",
    "ServiceManager",
    "ServiceUnavailableError",
    "TaskScheduler",
    "TaskStatus",
    "TaskType",
    "ThreadManager",
    "UnifiedMessagingManager",
    "ValidationError",
    "cache_clear",
    "cache_delete",
    "cache_get",
    "cache_set",
    "cached",
    "cancel_task",
    "delete_file",
    "delete_message",
    "emit_event",
    "get_channel_messages",
    "get_error_code",
    "get_event_history",
    "get_fallback_class",
    "get_fallback_instance",
    "get_file_metadata",
    "get_message",
    "get_metrics",
    "get_module_version",
    "get_notifications",
    "get_task_status",
    "get_unread_count",
    "handle_authentication_error",
    "handle_internal_error",
    "handle_not_found_error",
    "handle_validation_error",
    "list_files",
    "mark_as_read",
    "passthrough_decorator",
    "raise_alert",
    "record_metric",
    "register_event_handler",
    "require_permission",
    "run_in_thread",
    "schedule_once",
    "schedule_recurring",
    "send_message",
    "send_notification",
    "start_performance_monitoring",
    "stop_performance_monitoring",
    "submit_task",
    "track_performance",
    "unregister_event_handler",
    "upload_file",
    "verify_token",
]
