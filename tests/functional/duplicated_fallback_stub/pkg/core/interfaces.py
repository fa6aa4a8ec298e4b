"""Intentional stubs: abstract bases, protocols and overload signatures are interfaces,
not fallbacks, even when they have the shape of a placeholder."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Protocol, overload


class BaseHandler(ABC):
    """Every event handler derives from this class."""

    @abstractmethod
    def __init__(self):
        pass

    @abstractmethod
    def shutdown(self):
        pass


class Exporter:
    """Documents the exporter interface (abstract methods without an ABC base)."""

    @abstractmethod
    def export(self, *args, **kwargs):
        pass


class EventSink(Protocol):
    def __init__(self) -> None: ...

    def shutdown(self) -> None: ...


class FileSink(Protocol):
    def __init__(self) -> None: ...

    def shutdown(self) -> None: ...


@overload
def publish(topic: str, *args: Any, **kwargs: Any) -> None: ...
@overload
def publish(topic: bytes, *args: Any, **kwargs: Any) -> None: ...
def publish(topic, *args, **kwargs):
    _published.append((topic, args, kwargs))


_published: list = []
