"""Text helpers used for channel names, previews and search indexing."""

import re
import unicodedata

_WHITESPACE_RE = re.compile(r"\s+")
_SLUG_STRIP_RE = re.compile(r"[^a-z0-9\s-]")
_SLUG_DASH_RE = re.compile(r"[\s-]+")


def normalize_whitespace(value):
    """Collapse runs of whitespace into single spaces and strip the ends."""
    return _WHITESPACE_RE.sub(" ", value).strip()


def slugify(value, max_length=64):
    """Turn ``"Général / Random!"`` into ``"general-random"``."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = _SLUG_STRIP_RE.sub("", value.lower())
    value = _SLUG_DASH_RE.sub("-", value).strip("-")
    return value[:max_length].rstrip("-")


def truncate(value, limit, suffix="…"):
    """Shorten ``value`` to at most ``limit`` characters, breaking on a word if possible."""
    if len(value) <= limit:
        return value
    cut = value[: max(limit - len(suffix), 0)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + suffix
