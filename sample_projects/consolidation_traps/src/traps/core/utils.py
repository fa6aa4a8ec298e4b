"""Real helpers: a module, so `traps.core.utils` can never also be a package."""

import re

_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]
