"""HTTP API, distributed separately as ``pkg-api``."""

import importlib.metadata as importlib_metadata

try:
    __version__ = importlib_metadata.version("pkg-api")  # [duplicated-version-lookup]
except importlib_metadata.PackageNotFoundError:
    __version__ = "0.0.0+unknown"
