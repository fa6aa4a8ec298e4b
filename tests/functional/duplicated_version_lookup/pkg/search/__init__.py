"""Search package: already uses the shared getter."""

from ..utils import fallbacks

__version__ = fallbacks.get_module_version()
