"""Plugins, distributed separately as ``pkg-plugins``."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pkg-plugins")  # [duplicated-version-lookup]
except PackageNotFoundError:  # running from a source checkout
    __version__ = "0.0.0+unknown"
