"""Events package."""

from pkg.core.config import get_config

__version__ = get_config("system.version", "0.0.0")  # [duplicated-version-lookup]
