"""Configuration checked once when a host tool starts, so a bad key stops the run with a
clear message (exit 2) instead of failing inside a worker process."""

from __future__ import annotations

import sys
from pathlib import Path

from plexilint.config import ConfigError, find_project_root
from plexilint.runner.codes import load_checked_config

EXIT_CONFIG_ERROR = 2


def check_configuration_or_exit(start: Path) -> None:
    try:
        load_checked_config(find_project_root(start))
    except ConfigError as error:
        print(f"plexilint: configuration error\n{error}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG_ERROR) from None
