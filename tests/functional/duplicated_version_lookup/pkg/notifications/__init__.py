"""Notifications package."""

from pkg.core import config

# Same function, reached through its module.
__version__ = config.get_config("system.version", "1.0.0")  # [duplicated-version-lookup]
