"""A script folder without __init__.py: a namespace package, not part of `traps`'s modules."""

try:
    from traps.core.monitoring.collector import MetricsCollector
except ImportError:
    class MetricsCollector:
        def __init__(self, *args, **kwargs):
            pass
