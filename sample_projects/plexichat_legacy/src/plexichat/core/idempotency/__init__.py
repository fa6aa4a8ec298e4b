"""Idempotency keys for mutating API requests."""

from .manager import (
    IdempotencyError,
    IdempotencyKeyConflict,
    IdempotencyManager,
    IdempotencyRecord,
    IdempotencyState,
    InvalidIdempotencyKey,
    RequestInProgress,
    canonicalize,
    get_idempotency_manager,
    reset_idempotency_manager,
)

__all__ = [
    "IdempotencyError",
    "IdempotencyKeyConflict",
    "IdempotencyManager",
    "IdempotencyRecord",
    "IdempotencyState",
    "InvalidIdempotencyKey",
    "RequestInProgress",
    "canonicalize",
    "get_idempotency_manager",
    "reset_idempotency_manager",
]
