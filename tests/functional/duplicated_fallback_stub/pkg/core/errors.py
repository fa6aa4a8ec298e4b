"""Errors raised by the core package."""


class ConfigError(Exception):
    """The configuration file is missing or invalid."""

    pass
