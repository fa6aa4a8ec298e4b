"""What the idempotency package stores and raises: records, states and errors."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional


class IdempotencyState(str, enum.Enum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    FAILED = "failed"


class IdempotencyError(Exception):
    status_code = 400


class InvalidIdempotencyKey(IdempotencyError):
    status_code = 400


class IdempotencyKeyConflict(IdempotencyError):
    """The key was already used with a different request payload."""

    status_code = 422


class RequestInProgress(IdempotencyError):
    """A request with the same key is still being processed."""

    status_code = 409

    def __init__(self, key: str, retry_after: float) -> None:
        super().__init__(f"request with idempotency key {key!r} is still in progress")
        self.key = key
        self.retry_after = retry_after


@dataclass
class IdempotencyRecord:
    key: str
    fingerprint: str
    state: IdempotencyState
    created_at: float
    expires_at: float
    status_code: Optional[int] = None
    headers: Dict[str, str] = field(default_factory=dict)
    body: Optional[bytes] = None
    error: Optional[str] = None
    attempts: int = 1

    def is_expired(self, now: float) -> bool:
        return now >= self.expires_at

    @property
    def is_final(self) -> bool:
        """Completed and non-retryable failed requests are replayed; running ones are waited for."""
        return self.state is not IdempotencyState.IN_PROGRESS

    @classmethod
    def started(cls, key: str, fingerprint: str, now: float, ttl: float) -> "IdempotencyRecord":
        return cls(key, fingerprint, IdempotencyState.IN_PROGRESS, created_at=now, expires_at=now + ttl)

    @classmethod
    def completed(
        cls, key: str, fingerprint: str, now: float, ttl: float,
        status_code: int, body: bytes, headers: Optional[Mapping[str, str]] = None,
    ) -> "IdempotencyRecord":
        kept = {name.lower(): value for name, value in (headers or {}).items() if name.lower() != "set-cookie"}
        return cls(key, fingerprint, IdempotencyState.COMPLETED, created_at=now, expires_at=now + ttl,
                   status_code=status_code, headers=kept, body=body)

    @classmethod
    def failed(cls, key: str, fingerprint: str, now: float, ttl: float, error: str) -> "IdempotencyRecord":
        return cls(key, fingerprint, IdempotencyState.FAILED, created_at=now, expires_at=now + ttl,
                   status_code=400, headers={"content-type": "application/json"},
                   body=json.dumps({"error": error}).encode("utf-8"), error=error)
