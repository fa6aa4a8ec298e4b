"""The idempotency settings as one parameter object instead of eight constructor arguments."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from plexichat.core.config import get_config


@dataclass(frozen=True)
class IdempotencyOptions:
    ttl_seconds: float = 86_400.0
    in_progress_ttl_seconds: float = 60.0
    shards: int = 16
    max_entries_per_shard: int = 5_000
    max_key_length: int = 255
    redis_prefix: str = "plexichat:idem:"
    cleanup_interval_seconds: float = 300.0
    require_key: bool = False

    @classmethod
    def from_config(cls, **overrides: Any) -> "IdempotencyOptions":
        """Values of ``idempotency.*`` in the configuration; ``overrides`` that are not None win."""
        values = {option.name: get_config(f"idempotency.{option.name}", option.default)
                  for option in dataclasses.fields(cls)}
        values.update({name: value for name, value in overrides.items() if value is not None})
        return cls(**values)
