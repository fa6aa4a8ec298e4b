"""Plugin loading."""

import os

USE_SHARED_FALLBACKS = os.environ.get("PKG_SHARED_FALLBACKS") != "0"

if USE_SHARED_FALLBACKS:
    from ..compat.fallbacks import PluginRegistry
else:
    class PluginRegistry:  # [shadows-central-fallback]
        pass
