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

    def record(name, value):  # does nothing, as search's `index_document`, but for another import
        pass

    def timed(func):
        return func


if METRICS_DISABLED:
    class MetricKind(Enum):  # an enum of its own, not a copy of search's `SearchMode`
        COUNTER = "counter"
        GAUGE = "gauge"
else:
    from prometheus_client.metrics import MetricKind
