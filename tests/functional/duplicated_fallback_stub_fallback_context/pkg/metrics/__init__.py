"""Metrics export through ``prometheus_client``, optional."""

import os
from enum import Enum

METRICS_DISABLED = os.environ.get("PKG_METRICS", "on") == "off"

try:
    from prometheus_client import Counter, Gauge
    from prometheus_client.core import record
    from prometheus_client.decorators import timed
except Exception:  # any failure while importing the client disables metrics
    class Counter:  # [duplicated-fallback-stub]
        pass

    class Gauge:  # [duplicated-fallback-stub]
        pass

    def record(name, value):  # [duplicated-fallback-stub]
        pass

    def timed(func):  # [duplicated-fallback-stub]
        return func


if METRICS_DISABLED:
    class MetricKind(Enum):  # [duplicated-fallback-stub]
        COUNTER = "counter"
        GAUGE = "gauge"
else:
    from prometheus_client.metrics import MetricKind
