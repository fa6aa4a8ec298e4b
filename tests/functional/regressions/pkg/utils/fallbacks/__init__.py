"""The central module is a package: its sub-modules are central too."""

from .stubs import Gadget

__all__ = ["Gadget"]
