"""Typing helpers for the event system.

Nothing in here runs at import time beyond defining names: the protocol and
overloads exist for type checkers and IDEs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Awaitable, Dict, Mapping, Protocol, Union, overload, runtime_checkable

if TYPE_CHECKING:
    from plexichat.core.events import Event, EventPriority

    class _SupportsPriority(Protocol):
        priority: int

EventPayload = Dict[str, Any]

PRIORITY_NAMES = {"low": 1, "normal": 2, "high": 3, "critical": 4}


@runtime_checkable
class EventListener(Protocol):
    """Anything that can be registered with ``register_event_handler``."""

    def __call__(self, event: "Event") -> Union[None, Awaitable[None]]: ...


class EventFilter(Protocol):
    def matches(self, event_type: str, payload: Mapping[str, Any]) -> bool: ...


@overload
def parse_priority(value: int) -> int: ...
@overload
def parse_priority(value: str) -> int: ...
def parse_priority(value: Union[int, str]) -> int:
    """Accept ``3``, ``"3"`` or ``"high"`` and return the numeric priority."""
    if isinstance(value, int):
        if value not in PRIORITY_NAMES.values():
            raise ValueError(f"unknown priority: {value}")
        return value
    text = value.strip().lower()
    if text.isdigit():
        return parse_priority(int(text))
    try:
        return PRIORITY_NAMES[text]
    except KeyError:
        raise ValueError(f"unknown priority: {value!r}") from None
