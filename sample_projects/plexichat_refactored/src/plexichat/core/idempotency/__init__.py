"""Idempotency keys for mutating API requests.

The package is split by concern; :class:`IdempotencyManager` is the facade
the API uses, the other names are exported for tests and tooling.
"""

from .keys import KeyPolicy, canonicalize, compute_fingerprint
from .manager import IdempotencyManager, get_idempotency_manager, reset_idempotency_manager
from .metrics import IdempotencyMetrics, prometheus_text
from .models import (
    IdempotencyError,
    IdempotencyKeyConflict,
    IdempotencyRecord,
    IdempotencyState,
    InvalidIdempotencyKey,
    RequestInProgress,
)
from .options import IdempotencyOptions
from .serialization import export_records, import_records

__all__ = [
    "IdempotencyError",
    "IdempotencyKeyConflict",
    "IdempotencyManager",
    "IdempotencyMetrics",
    "IdempotencyOptions",
    "IdempotencyRecord",
    "IdempotencyState",
    "InvalidIdempotencyKey",
    "KeyPolicy",
    "RequestInProgress",
    "canonicalize",
    "compute_fingerprint",
    "export_records",
    "get_idempotency_manager",
    "import_records",
    "prometheus_text",
    "reset_idempotency_manager",
]
