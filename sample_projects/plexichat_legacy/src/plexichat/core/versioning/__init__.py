"""Version information for the running server and its API."""

from plexichat.core.config import get_config

API_VERSIONS = ("v1",)
CURRENT_API_VERSION = API_VERSIONS[-1]

__version__ = get_config("system.version", "0.0.0")


def get_version_info():
    return {
        "version": __version__,
        "api_versions": list(API_VERSIONS),
        "current_api_version": CURRENT_API_VERSION,
        "environment": get_config("system.environment", "development"),
    }


__all__ = ["API_VERSIONS", "CURRENT_API_VERSION", "get_version_info", "__version__"]
