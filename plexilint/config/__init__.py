"""Configuration: the ``[tool.plexilint]`` table, validated, with defaults."""

from plexilint.config.errors import ConfigError
from plexilint.config.loader import find_project_root, load_config, read_config_file
from plexilint.config.options import OPTIONS, Config

__all__ = ["OPTIONS", "Config", "ConfigError", "find_project_root", "load_config", "read_config_file"]
