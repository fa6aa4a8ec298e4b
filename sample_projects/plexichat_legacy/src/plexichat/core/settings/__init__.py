"""PlexiChat settings: one object holding every configuration value."""

from .base import Settings, SettingsError, coerce_env_value, describe_settings, get_settings, reload_settings

__all__ = ["Settings", "SettingsError", "coerce_env_value", "describe_settings", "get_settings", "reload_settings"]
