"""Performance monitoring and metrics collection."""

from plexichat.core.logging import get_logger

logger = get_logger(__name__)

try:
    from .performance_monitor import (
        MetricType,
        PerformanceMonitor,
        get_metrics,
        performance_monitor,
        record_metric,
        start_performance_monitoring,
        stop_performance_monitoring,
        track_performance,
    )
    from .alerts import AlertSeverity, raise_alert
except ImportError:
    logger.warning("using fallback monitoring: metrics will not be recorded")

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

    class PerformanceMonitor:
        def __init__(self):
            pass

        def start(self):
            pass

        def stop(self):
            pass

    performance_monitor = None

    def start_performance_monitoring(*args, **kwargs):
        pass

    def stop_performance_monitoring(*args, **kwargs):
        pass

    def record_metric(*args, **kwargs):
        pass

    def get_metrics(*args, **kwargs):
        return {}

    def raise_alert(*args, **kwargs):
        return False

    def track_performance(*args, **kwargs):
        """No-op replacement for the timing decorator."""
        def decorator(func):
            return func
        return decorator


__all__ = [
    "AlertSeverity",
    "MetricType",
    "PerformanceMonitor",
    "get_metrics",
    "performance_monitor",
    "raise_alert",
    "record_metric",
    "start_performance_monitoring",
    "stop_performance_monitoring",
    "track_performance",
]
