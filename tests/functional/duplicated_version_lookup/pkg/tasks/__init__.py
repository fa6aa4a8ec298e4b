"""Tasks package: already uses the shared getter."""

from pkg.utils.fallbacks import get_module_version

__version__ = get_module_version()
