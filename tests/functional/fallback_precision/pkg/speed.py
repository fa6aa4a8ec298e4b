"""A compiled accelerator, built with the package: not an optional dependency."""

__all__ = ["fast_sum"]

try:
    from _speedups import fast_sum
except ImportError:
    pass
