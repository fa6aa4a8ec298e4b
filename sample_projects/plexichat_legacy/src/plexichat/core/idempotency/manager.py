"""Idempotency-key handling for mutating API requests.

Clients send an ``Idempotency-Key`` header with POST/PUT/PATCH requests. The
first request carrying a key is executed and its response stored. A retry with
the same key and the same payload receives the stored response; a retry with a
different payload is rejected with 422; a duplicate that arrives while the
original is still running either waits for it or gets 409.

Records live in an in-process, sharded store and, when a Redis client is
supplied, in Redis as well so that every API worker sees the same keys.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import json
import logging
import math
import re
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Tuple

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_\-:.]+$")
MAX_CANONICAL_DEPTH = 32
# Responses with these status codes are never replayed: the client is expected
# to retry them and the retry must run again.
NON_CACHEABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MUTATING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
KEY_HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"

_default_manager: Optional["IdempotencyManager"] = None


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


@dataclass
class IdempotencyMetrics:
    hits: int = 0
    misses: int = 0
    conflicts: int = 0
    in_progress_rejections: int = 0
    waits: int = 0
    stored: int = 0
    not_cached: int = 0
    failures: int = 0
    expired: int = 0
    evicted: int = 0
    redis_errors: int = 0

    def snapshot(self) -> Dict[str, int]:
        return dataclasses.asdict(self)


def canonicalize(value: Any, _depth: int = 0) -> Any:
    """Convert ``value`` into a JSON-compatible structure with a stable layout.

    Two payloads that mean the same thing (dict key order, ``1`` vs ``1.0``,
    naive vs UTC datetimes, tuples vs lists) canonicalize to the same result,
    so their fingerprints match.
    """
    if _depth > MAX_CANONICAL_DEPTH:
        raise ValueError("payload nested too deeply to fingerprint")
    if value is None or isinstance(value, bool):
        return value
    elif isinstance(value, int):
        return value
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return repr(value)
        if value.is_integer():
            return int(value)
        return value
    elif isinstance(value, str):
        return value
    elif isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    elif isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return str(value)
        normalized = value.normalize()
        return int(normalized) if normalized == normalized.to_integral_value() else str(normalized)
    elif isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).isoformat()
    elif isinstance(value, dt.date):
        return value.isoformat()
    elif isinstance(value, uuid.UUID):
        return str(value)
    elif isinstance(value, enum.Enum):
        return canonicalize(value.value, _depth + 1)
    elif isinstance(value, Mapping):
        result = {}
        for key in value:
            if not isinstance(key, (str, int)):
                raise TypeError(f"cannot fingerprint mapping key of type {type(key).__name__}")
            result[str(key)] = canonicalize(value[key], _depth + 1)
        return dict(sorted(result.items()))
    elif isinstance(value, (list, tuple)):
        return [canonicalize(item, _depth + 1) for item in value]
    elif isinstance(value, (set, frozenset)):
        items = [canonicalize(item, _depth + 1) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        return canonicalize(dataclasses.asdict(value), _depth + 1)
    elif hasattr(value, "model_dump"):
        return canonicalize(value.model_dump(), _depth + 1)
    elif hasattr(value, "dict") and callable(value.dict):
        return canonicalize(value.dict(), _depth + 1)
    else:
        raise TypeError(f"cannot fingerprint value of type {type(value).__name__}")


class IdempotencyManager:
    """Stores, replays and guards requests by idempotency key."""

    def __init__(
        self,
        *,
        ttl_seconds: Optional[float] = None,
        in_progress_ttl_seconds: Optional[float] = None,
        shards: Optional[int] = None,
        max_entries_per_shard: int = 5_000,
        max_key_length: Optional[int] = None,
        redis: Any = None,
        redis_prefix: Optional[str] = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ttl_seconds = float(ttl_seconds or get_config("idempotency.ttl_seconds", 86_400))
        self.in_progress_ttl_seconds = float(
            in_progress_ttl_seconds or get_config("idempotency.in_progress_ttl_seconds", 60)
        )
        self.shard_count = int(shards or get_config("idempotency.shards", 16))
        self.max_entries_per_shard = max_entries_per_shard
        self.max_key_length = int(max_key_length or get_config("idempotency.max_key_length", 255))
        self.redis = redis
        self.redis_prefix = redis_prefix or get_config("idempotency.redis_prefix", "plexichat:idem:")
        self._clock = clock
        self._shards: List["OrderedDict[str, IdempotencyRecord]"] = [OrderedDict() for _ in range(self.shard_count)]
        self._shard_locks: List[asyncio.Lock] = [asyncio.Lock() for _ in range(self.shard_count)]
        self._completion_events: Dict[str, asyncio.Event] = {}
        self._cleanup_task: Optional[asyncio.Task] = None
        self.metrics = IdempotencyMetrics()

    # ------------------------------------------------------------------ keys
    def validate_key(self, key: Optional[str]) -> str:
        if key is None:
            raise InvalidIdempotencyKey("missing Idempotency-Key header")
        key = key.strip()
        if not key:
            raise InvalidIdempotencyKey("empty idempotency key")
        if len(key) > self.max_key_length:
            raise InvalidIdempotencyKey(f"idempotency key longer than {self.max_key_length} characters")
        if len(key) < 8:
            raise InvalidIdempotencyKey("idempotency key must be at least 8 characters")
        if not KEY_PATTERN.match(key):
            raise InvalidIdempotencyKey("idempotency key may only contain letters, digits, '_', '-', ':' and '.'")
        return key

    def generate_key(self, prefix: str = "idem") -> str:
        """Create a fresh key for server-initiated requests (webhook retries, scheduled jobs)."""
        return self.validate_key(f"{prefix}:{uuid.uuid4().hex}")

    def key_from_headers(self, method: str, headers: Mapping[str, str]) -> Optional[str]:
        """Return the validated key of a request, or None when the request needs none."""
        if method.upper() not in MUTATING_METHODS:
            return None
        for name, value in headers.items():
            if name.lower() == KEY_HEADER.lower():
                return self.validate_key(value)
        if get_config("idempotency.require_key", False):
            raise InvalidIdempotencyKey(f"{method.upper()} requests must carry an {KEY_HEADER} header")
        return None

    def compute_fingerprint(
        self, method: str, path: str, body: Any = None, user_id: Optional[str] = None
    ) -> str:
        """Hash of everything that must match for a retry to count as the same request."""
        if isinstance(body, (bytes, bytearray)):
            try:
                body = json.loads(body)
            except ValueError:
                body = bytes(body)
        document = {
            "method": method.upper(),
            "path": path.rstrip("/") or "/",
            "user": user_id,
            "body": canonicalize(body),
        }
        encoded = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def _shard_index(self, key: str) -> int:
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest()
        return int.from_bytes(digest, "big") % self.shard_count

    def _redis_key(self, key: str) -> str:
        return f"{self.redis_prefix}{key}"

    # --------------------------------------------------------------- storage
    def _encode(self, record: IdempotencyRecord) -> str:
        payload = dataclasses.asdict(record)
        payload["state"] = record.state.value
        payload["body"] = base64.b64encode(record.body).decode("ascii") if record.body is not None else None
        return json.dumps(payload, separators=(",", ":"))

    def _decode(self, raw: Any) -> IdempotencyRecord:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8")
        payload = json.loads(raw)
        payload["state"] = IdempotencyState(payload["state"])
        if payload.get("body") is not None:
            payload["body"] = base64.b64decode(payload["body"])
        return IdempotencyRecord(**payload)

    def replay_headers(self, record: IdempotencyRecord) -> Dict[str, str]:
        """Headers sent with a replayed response, so clients can tell it was not re-executed."""
        headers = dict(record.headers)
        headers[REPLAY_HEADER.lower()] = "true"
        headers[KEY_HEADER.lower()] = record.key
        return headers

    def export_records(self) -> List[str]:
        """Encode every finished record (used to warm up a new worker before it takes traffic)."""
        now = self._clock()
        return [
            self._encode(record)
            for shard in self._shards
            for record in shard.values()
            if record.state is not IdempotencyState.IN_PROGRESS and not record.is_expired(now)
        ]

    def import_records(self, encoded: List[str]) -> int:
        """Load records produced by :meth:`export_records`; returns how many were kept."""
        imported = 0
        now = self._clock()
        for raw in encoded:
            try:
                record = self._decode(raw)
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning("skipping unreadable idempotency record: %s", exc)
                continue
            if record.is_expired(now) or record.state is IdempotencyState.IN_PROGRESS:
                continue
            self._remember(record)
            imported += 1
        return imported

    async def _load(self, key: str) -> Optional[IdempotencyRecord]:
        shard = self._shards[self._shard_index(key)]
        record = shard.get(key)
        if record is not None:
            shard.move_to_end(key)
            return record
        if self.redis is None:
            return None
        try:
            raw = await self.redis.get(self._redis_key(key))
        except Exception as exc:  # noqa: BLE001 - Redis is an optimisation, memory still works
            self.metrics.redis_errors += 1
            logger.warning("redis read failed for idempotency key %s: %s", key, exc)
            return None
        if raw is None:
            return None
        record = self._decode(raw)
        self._remember(record)
        return record

    def _remember(self, record: IdempotencyRecord) -> None:
        shard = self._shards[self._shard_index(record.key)]
        shard[record.key] = record
        shard.move_to_end(record.key)
        while len(shard) > self.max_entries_per_shard:
            oldest_key, oldest = next(iter(shard.items()))
            if oldest.state is IdempotencyState.IN_PROGRESS and not oldest.is_expired(self._clock()):
                # never evict a running request; its owner still needs the record
                shard.move_to_end(oldest_key)
                break
            shard.popitem(last=False)
            self.metrics.evicted += 1

    async def _save(self, record: IdempotencyRecord, *, only_if_absent: bool = False) -> bool:
        if self.redis is not None:
            ttl = max(int(record.expires_at - self._clock()), 1)
            try:
                stored = await self.redis.set(
                    self._redis_key(record.key), self._encode(record), ex=ttl, nx=only_if_absent
                )
            except Exception as exc:  # noqa: BLE001
                self.metrics.redis_errors += 1
                logger.warning("redis write failed for idempotency key %s: %s", record.key, exc)
            else:
                if only_if_absent and not stored:
                    return False
        self._remember(record)
        return True

    async def _delete(self, key: str) -> None:
        self._shards[self._shard_index(key)].pop(key, None)
        if self.redis is not None:
            try:
                await self.redis.delete(self._redis_key(key))
            except Exception as exc:  # noqa: BLE001
                self.metrics.redis_errors += 1
                logger.warning("redis delete failed for idempotency key %s: %s", key, exc)

    # ------------------------------------------------------------ public API
    async def get_cached_response(
        self, key: str, fingerprint: str, *, wait_timeout: float = 0.0
    ) -> Optional[IdempotencyRecord]:
        """Return the stored response for ``key``, or None if the request should run.

        Raises :class:`IdempotencyKeyConflict` when the key was used for a
        different payload and :class:`RequestInProgress` when the original
        request is still running after ``wait_timeout`` seconds.
        """
        key = self.validate_key(key)
        lock = self._shard_locks[self._shard_index(key)]
        deadline = self._clock() + wait_timeout

        while True:
            async with lock:
                record = await self._load(key)
                now = self._clock()

                if record is None:
                    self.metrics.misses += 1
                    return None

                if record.is_expired(now):
                    if record.state is IdempotencyState.IN_PROGRESS:
                        logger.warning(
                            "idempotency key %s was in progress for %.1fs and timed out; allowing a retry",
                            key,
                            now - record.created_at,
                        )
                    self.metrics.expired += 1
                    await self._delete(key)
                    self.metrics.misses += 1
                    return None

                if record.fingerprint != fingerprint:
                    self.metrics.conflicts += 1
                    logger.info("idempotency key %s reused with a different payload", key)
                    raise IdempotencyKeyConflict(
                        f"idempotency key {key!r} was already used for a different request"
                    )

                if record.state is IdempotencyState.COMPLETED:
                    self.metrics.hits += 1
                    return record

                if record.state is IdempotencyState.FAILED:
                    # a failed attempt that was marked retryable has already been
                    # deleted; one that is still here is final and is replayed
                    self.metrics.hits += 1
                    return record

                remaining = deadline - now
                if remaining <= 0:
                    self.metrics.in_progress_rejections += 1
                    retry_after = max(record.expires_at - now, 1.0)
                    raise RequestInProgress(key, retry_after=min(retry_after, self.in_progress_ttl_seconds))

                event = self._completion_events.setdefault(key, asyncio.Event())

            self.metrics.waits += 1
            try:
                await asyncio.wait_for(event.wait(), timeout=remaining)
            except asyncio.TimeoutError:
                # loop once more: the next pass raises RequestInProgress
                # unless the record completed right at the deadline
                continue

    async def begin(self, key: str, fingerprint: str) -> bool:
        """Claim ``key`` for a new request. Returns False if someone else holds it."""
        key = self.validate_key(key)
        now = self._clock()
        record = IdempotencyRecord(
            key=key,
            fingerprint=fingerprint,
            state=IdempotencyState.IN_PROGRESS,
            created_at=now,
            expires_at=now + self.in_progress_ttl_seconds,
        )
        async with self._shard_locks[self._shard_index(key)]:
            existing = await self._load(key)
            if existing is not None and not existing.is_expired(now):
                return False
            if not await self._save(record, only_if_absent=True):
                return False
            self._completion_events[key] = asyncio.Event()
        return True

    async def store_response(
        self,
        key: str,
        fingerprint: str,
        status_code: int,
        body: bytes,
        headers: Optional[Mapping[str, str]] = None,
    ) -> bool:
        """Persist the response of a finished request so that retries replay it."""
        if status_code in NON_CACHEABLE_STATUS:
            self.metrics.not_cached += 1
            await self.release(key)
            return False
        now = self._clock()
        record = IdempotencyRecord(
            key=key,
            fingerprint=fingerprint,
            state=IdempotencyState.COMPLETED,
            created_at=now,
            expires_at=now + self.ttl_seconds,
            status_code=status_code,
            headers={k.lower(): v for k, v in (headers or {}).items() if k.lower() != "set-cookie"},
            body=body,
        )
        async with self._shard_locks[self._shard_index(key)]:
            await self._save(record)
            self.metrics.stored += 1
        self._notify(key)
        return True

    async def mark_failed(self, key: str, fingerprint: str, error: str, *, retryable: bool = True) -> None:
        """Record that the request raised. Retryable failures free the key."""
        self.metrics.failures += 1
        if retryable:
            await self.release(key)
            return
        now = self._clock()
        record = IdempotencyRecord(
            key=key,
            fingerprint=fingerprint,
            state=IdempotencyState.FAILED,
            created_at=now,
            expires_at=now + self.ttl_seconds,
            status_code=400,
            body=json.dumps({"error": error}).encode("utf-8"),
            headers={"content-type": "application/json"},
            error=error,
        )
        async with self._shard_locks[self._shard_index(key)]:
            await self._save(record)
        self._notify(key)

    async def release(self, key: str) -> None:
        async with self._shard_locks[self._shard_index(key)]:
            await self._delete(key)
        self._notify(key)

    def _notify(self, key: str) -> None:
        event = self._completion_events.pop(key, None)
        if event is not None:
            event.set()

    async def run(
        self,
        key: str,
        fingerprint: str,
        handler: Callable[[], Awaitable[Tuple[int, bytes, Mapping[str, str]]]],
        *,
        wait_timeout: float = 5.0,
    ) -> Tuple[int, bytes, Dict[str, str], bool]:
        """Execute ``handler`` at most once per key.

        Returns ``(status, body, headers, replayed)``.
        """
        cached = await self.get_cached_response(key, fingerprint, wait_timeout=wait_timeout)
        if cached is not None:
            return cached.status_code or 200, cached.body or b"", dict(cached.headers), True
        if not await self.begin(key, fingerprint):
            # lost the race against a concurrent duplicate; wait for its result
            cached = await self.get_cached_response(key, fingerprint, wait_timeout=wait_timeout)
            if cached is not None:
                return cached.status_code or 200, cached.body or b"", dict(cached.headers), True
            raise RequestInProgress(key, retry_after=self.in_progress_ttl_seconds)
        try:
            status, body, headers = await handler()
        except IdempotencyError:
            await self.release(key)
            raise
        except Exception as exc:
            await self.mark_failed(key, fingerprint, f"{type(exc).__name__}: {exc}", retryable=True)
            raise
        await self.store_response(key, fingerprint, status, body, headers)
        return status, body, dict(headers), False

    # --------------------------------------------------------- housekeeping
    def cleanup_expired(self) -> int:
        """Drop expired records from memory (Redis expires keys on its own)."""
        now = self._clock()
        removed = 0
        for shard in self._shards:
            expired = [key for key, record in shard.items() if record.is_expired(now)]
            for key in expired:
                del shard[key]
                self._notify(key)
            removed += len(expired)
        self.metrics.expired += removed
        return removed

    async def _cleanup_loop(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                removed = self.cleanup_expired()
            except Exception:  # noqa: BLE001 - keep the loop alive
                logger.exception("idempotency cleanup failed")
                continue
            if removed:
                logger.debug("idempotency cleanup removed %d records", removed)

    def start_cleanup(self, interval: Optional[float] = None) -> None:
        if self._cleanup_task is not None and not self._cleanup_task.done():
            return
        interval = float(interval or get_config("idempotency.cleanup_interval_seconds", 300))
        self._cleanup_task = asyncio.get_running_loop().create_task(
            self._cleanup_loop(interval), name="idempotency-cleanup"
        )

    async def stop_cleanup(self) -> None:
        task, self._cleanup_task = self._cleanup_task, None
        if task is None:
            return
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    # ----------------------------------------------------------- diagnostics
    def size(self) -> int:
        return sum(len(shard) for shard in self._shards)

    def get_metrics(self) -> Dict[str, Any]:
        lookups = self.metrics.hits + self.metrics.misses
        return {
            **self.metrics.snapshot(),
            "entries": self.size(),
            "hit_ratio": round(self.metrics.hits / lookups, 4) if lookups else 0.0,
            "waiting_keys": len(self._completion_events),
        }

    def export_prometheus(self, namespace: str = "plexichat_idempotency") -> str:
        """The metrics in Prometheus' text exposition format."""
        lines: List[str] = []
        for name, value in sorted(self.get_metrics().items()):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            kind = "gauge" if name in ("entries", "hit_ratio", "waiting_keys") else "counter"
            metric = f"{namespace}_{name}" if kind == "gauge" else f"{namespace}_{name}_total"
            lines.append(f"# TYPE {metric} {kind}")
            lines.append(f"{metric} {value}")
        return "\n".join(lines) + "\n"

    async def describe(self, key: str) -> Optional[Dict[str, Any]]:
        """What the store knows about ``key`` (admin endpoint; never returns the body)."""
        async with self._shard_locks[self._shard_index(key)]:
            record = await self._load(key)
        if record is None:
            return None
        now = self._clock()
        return {
            "key": record.key,
            "state": record.state.value,
            "status_code": record.status_code,
            "attempts": record.attempts,
            "age_seconds": round(now - record.created_at, 3),
            "expires_in_seconds": round(record.expires_at - now, 3),
        }

    def reset_metrics(self) -> None:
        self.metrics = IdempotencyMetrics()

    async def health_check(self) -> Dict[str, Any]:
        status: Dict[str, Any] = {"memory": "ok", "entries": self.size()}
        if self.redis is None:
            status["redis"] = "disabled"
        else:
            try:
                await self.redis.ping()
                status["redis"] = "ok"
            except Exception as exc:  # noqa: BLE001
                status["redis"] = f"error: {exc}"
        status["cleanup_running"] = self._cleanup_task is not None and not self._cleanup_task.done()
        return status


def get_idempotency_manager(redis: Any = None) -> IdempotencyManager:
    """Return the process-wide manager, creating it on first use."""
    global _default_manager
    if _default_manager is None:
        _default_manager = IdempotencyManager(redis=redis)
    elif redis is not None and _default_manager.redis is None:
        _default_manager.redis = redis
    return _default_manager


def reset_idempotency_manager() -> None:
    """Forget the process-wide manager (tests, or after a config reload)."""
    global _default_manager
    _default_manager = None
