"""Search package."""

import importlib.metadata

__version__ = importlib.metadata.version("pkg")  # [duplicated-version-lookup]
