"""Time helpers: timezone-aware ``now`` and human-friendly durations."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_DURATION_RE = re.compile(r"(?P<value>\d+)\s*(?P<unit>ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def isoformat(moment: datetime) -> str:
    """ISO-8601 with a ``Z`` suffix; naive datetimes are taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def parse_duration(text: str) -> timedelta:
    """Parse ``"1h30m"``, ``"45s"`` or ``"2d"`` into a :class:`timedelta`."""
    text = text.strip().lower()
    position = 0
    seconds = 0.0
    for match in _DURATION_RE.finditer(text):
        if text[position:match.start()].strip():
            break
        seconds += int(match.group("value")) * _UNIT_SECONDS[match.group("unit")]
        position = match.end()
    if position == 0 or text[position:].strip():
        raise ValueError(f"invalid duration: {text!r}")
    return timedelta(seconds=seconds)


def format_duration(delta: timedelta) -> str:
    """Inverse of :func:`parse_duration` for whole seconds: ``5400s`` -> ``"1h30m"``."""
    remaining = int(delta.total_seconds())
    if remaining == 0:
        return "0s"
    parts = []
    for unit in ("w", "d", "h", "m", "s"):
        size = int(_UNIT_SECONDS[unit])
        count, remaining = divmod(remaining, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)
