"""A maintenance script: its folder has no __init__.py, it runs with `python scripts/maintenance.py`."""

try:
    from traps.core.monitoring.collector import MetricsCollector
except ImportError:
    class MetricsCollector:
        def __init__(self, *args, **kwargs):
            pass
