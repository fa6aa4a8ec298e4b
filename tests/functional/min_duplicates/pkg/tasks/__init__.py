"""Tasks package."""

from importlib.metadata import version

__version__ = version("pkg")  # [duplicated-version-lookup]
