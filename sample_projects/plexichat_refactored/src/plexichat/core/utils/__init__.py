"""Small helpers shared across PlexiChat (text and time handling)."""

from .text import normalize_whitespace, slugify, truncate
from .timeutils import format_duration, isoformat, parse_duration, utcnow

__all__ = [
    "format_duration",
    "isoformat",
    "normalize_whitespace",
    "parse_duration",
    "slugify",
    "truncate",
    "utcnow",
]
