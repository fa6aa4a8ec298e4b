"""Monitoring, with the same optional performance logger."""

try:
    from traps.core.logging.performance import get_performance_logger
except ImportError:
    def get_performance_logger(*args, **kwargs):
        return None

try:
    from traps.core.monitoring.collector import MetricsCollector, record_metric
except ImportError:
    class MetricsCollector:
        def __init__(self, *args, **kwargs):
            pass

    def record_metric(*args, **kwargs):
        return None


class Colors:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


__all__ = ["get_performance_logger", "MetricsCollector", "record_metric", "Colors"]
