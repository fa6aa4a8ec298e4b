"""Routes: import the real performance logger and the re-exported manager."""

from traps import NotificationManager
from traps.core.logging import get_performance_logger
from traps.core.monitoring import MetricsCollector, get_performance_logger as monitoring_logger


def handler():
    return get_performance_logger(), monitoring_logger(), MetricsCollector(), NotificationManager()
