"""Performance monitoring and metrics collection."""

from plexichat.core.utils.fallbacks import (
    AlertSeverity,
    MetricType,
    PerformanceMonitor,
    get_fallback_instance,
    get_metrics,
    raise_alert,
    record_metric,
    start_performance_monitoring,
    stop_performance_monitoring,
    track_performance,
)

performance_monitor = get_fallback_instance("PerformanceMonitor")

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
