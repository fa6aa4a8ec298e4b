"""Fallback enums for the optional theme package."""

from enum import Enum

try:
    from theme import Color
except ImportError:
    class Color(Enum):
        RED = "red"
        GREEN = "green"
