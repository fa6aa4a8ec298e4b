"""Two-factor codes: a folder name that is not a Python identifier (imported by path only)."""

try:
    from traps.core.monitoring.collector import MetricsCollector
except ImportError:
    class MetricsCollector:
        def __init__(self, *args, **kwargs):
            pass
