"""Idempotency keys: validation, generation, and the fingerprint of a request.

A retry counts as the same request when its key *and* its fingerprint match;
the fingerprint hashes a canonical form of the payload so that equivalent
payloads (key order, ``1`` vs ``1.0``, tuples vs lists...) hash the same.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import json
import math
import re
import uuid
from collections.abc import Mapping
from typing import Any, Callable, Optional, Tuple

from .models import InvalidIdempotencyKey

KEY_HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_\-:.]+$")
MIN_KEY_LENGTH = 8
MUTATING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_CANONICAL_DEPTH = 32


class KeyPolicy:
    """Which keys are acceptable, and where requests carry them."""

    def __init__(self, max_length: int = 255, require_key: bool = False) -> None:
        self.max_length = max_length
        self.require_key = require_key

    def validate(self, key: Optional[str]) -> str:
        key = (key or "").strip()
        if not key:
            raise InvalidIdempotencyKey("missing or empty Idempotency-Key header")
        if not MIN_KEY_LENGTH <= len(key) <= self.max_length:
            raise InvalidIdempotencyKey(
                f"idempotency key must be {MIN_KEY_LENGTH} to {self.max_length} characters long"
            )
        if not KEY_PATTERN.match(key):
            raise InvalidIdempotencyKey("idempotency key may only contain letters, digits, '_', '-', ':' and '.'")
        return key

    def generate(self, prefix: str = "idem") -> str:
        """A fresh key for server-initiated requests (webhook retries, scheduled jobs)."""
        return self.validate(f"{prefix}:{uuid.uuid4().hex}")

    def from_headers(self, method: str, headers: Mapping[str, str]) -> Optional[str]:
        """The validated key of a request, or None when the request needs none."""
        if method.upper() not in MUTATING_METHODS:
            return None
        found = {name.lower(): value for name, value in headers.items()}.get(KEY_HEADER.lower())
        if found is not None or self.require_key:
            return self.validate(found)
        return None


def compute_fingerprint(method: str, path: str, body: Any = None, user_id: Optional[str] = None) -> str:
    """Hash of everything that must match for a retry to count as the same request."""
    if isinstance(body, (bytes, bytearray)):
        body = _decoded_json(bytes(body))
    document = {"method": method.upper(), "path": path.rstrip("/") or "/", "user": user_id,
                "body": canonicalize(body)}
    encoded = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _decoded_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return body


# -- canonical form ----------------------------------------------------------
def _float(value: float, depth: int) -> Any:
    if math.isnan(value) or math.isinf(value):
        return repr(value)
    return int(value) if value.is_integer() else value


def _decimal(value: decimal.Decimal, depth: int) -> Any:
    if not value.is_finite():
        return str(value)
    normalized = value.normalize()
    return int(normalized) if normalized == normalized.to_integral_value() else str(normalized)


def _datetime(value: dt.datetime, depth: int) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).isoformat()


def _mapping(value: Mapping, depth: int) -> dict:
    bad = [key for key in value if not isinstance(key, (str, int))]
    if bad:
        raise TypeError(f"cannot fingerprint mapping key of type {type(bad[0]).__name__}")
    return dict(sorted((str(key), canonicalize(item, depth + 1)) for key, item in value.items()))


def _set(value: Any, depth: int) -> list:
    items = [canonicalize(item, depth + 1) for item in value]
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))


# Tried in order: bool before int, datetime before date, and str before Enum
# (a str-based enum member canonicalizes to its text).
_CANONICAL_FORMS: Tuple[Tuple[Any, Callable[[Any, int], Any]], ...] = (
    ((type(None), bool, int, str), lambda value, depth: value),
    (float, _float),
    ((bytes, bytearray, memoryview), lambda value, depth: {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}),
    (decimal.Decimal, _decimal),
    (dt.datetime, _datetime),
    (dt.date, lambda value, depth: value.isoformat()),
    (uuid.UUID, lambda value, depth: str(value)),
    (enum.Enum, lambda value, depth: canonicalize(value.value, depth + 1)),
    (Mapping, _mapping),
    ((list, tuple), lambda value, depth: [canonicalize(item, depth + 1) for item in value]),
    ((set, frozenset), _set),
)


def canonicalize(value: Any, _depth: int = 0) -> Any:
    """Convert ``value`` into a JSON-compatible structure with a stable layout."""
    if _depth > MAX_CANONICAL_DEPTH:
        raise ValueError("payload nested too deeply to fingerprint")
    for types, convert in _CANONICAL_FORMS:
        if isinstance(value, types):
            return convert(value, _depth)
    return canonicalize(_plain_data(value), _depth + 1)


def _plain_data(value: Any) -> Any:
    """Dataclasses and pydantic models (v2 ``model_dump``, v1 ``dict``) as plain data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    for method in ("model_dump", "dict"):
        converter = getattr(value, method, None)
        if callable(converter):
            return converter()
    raise TypeError(f"cannot fingerprint value of type {type(value).__name__}")
