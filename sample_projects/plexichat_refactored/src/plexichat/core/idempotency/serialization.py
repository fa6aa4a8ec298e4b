"""Records as JSON text: the format shared by Redis and worker warm-up exports."""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
from typing import Any, Iterable, List

from .models import IdempotencyRecord, IdempotencyState

logger = logging.getLogger(__name__)


def encode_record(record: IdempotencyRecord) -> str:
    payload = dataclasses.asdict(record)
    payload["state"] = record.state.value
    payload["body"] = base64.b64encode(record.body).decode("ascii") if record.body is not None else None
    return json.dumps(payload, separators=(",", ":"))


def decode_record(raw: Any) -> IdempotencyRecord:
    """Inverse of :func:`encode_record`; accepts ``bytes`` as Redis returns them."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    payload = json.loads(raw)
    payload["state"] = IdempotencyState(payload["state"])
    if payload.get("body") is not None:
        payload["body"] = base64.b64decode(payload["body"])
    return IdempotencyRecord(**payload)


def export_records(records: Iterable[IdempotencyRecord], now: float) -> List[str]:
    """Encode the finished, unexpired records (to warm up a new worker before it takes traffic)."""
    return [encode_record(record) for record in records if record.is_final and not record.is_expired(now)]


def import_records(encoded: Iterable[str], now: float) -> List[IdempotencyRecord]:
    """Decode what :func:`export_records` wrote, skipping unreadable and stale entries."""
    records = []
    for raw in encoded:
        try:
            record = decode_record(raw)
        except (ValueError, KeyError, TypeError) as exc:
            logger.warning("skipping unreadable idempotency record: %s", exc)
            continue
        if record.is_final and not record.is_expired(now):
            records.append(record)
    return records
