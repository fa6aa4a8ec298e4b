"""A standard-library name that exists only on newer interpreters, used only where it exists."""

import sys

try:
    from functools import cached_property
except ImportError:
    pass  # older Python: the class below does without it


if sys.version_info >= (3, 8):

    def is_cached(cls, name):
        return isinstance(getattr(cls, name, None), cached_property)

else:

    def is_cached(cls, name):
        return False
