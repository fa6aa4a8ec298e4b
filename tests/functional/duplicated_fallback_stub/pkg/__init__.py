"""Example application package: each sub-package carries its own placeholder stubs."""

__version__ = "1.2.0"

__all__ = ["__version__"]
