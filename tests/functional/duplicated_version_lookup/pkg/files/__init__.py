"""Files package."""

from ..core.config import get_config

__version__: str = get_config("system.version", "0.0.0")  # [duplicated-version-lookup]
