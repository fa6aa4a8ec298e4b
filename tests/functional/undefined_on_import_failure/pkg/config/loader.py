"""Reads YAML and TOML configuration files, when their parsers are installed."""

import warnings

try:
    import yaml  # [undefined-on-import-failure]
except ImportError:
    pass

try:
    import tomli as toml  # [undefined-on-import-failure]
except ModuleNotFoundError:
    warnings.warn("tomli is not installed: TOML files are ignored")

try:
    import uvloop  # optional speed-up, never referenced below
except ImportError:
    pass


def load(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith((".yaml", ".yml")):
        return yaml.safe_load(text)
    if path.endswith(".toml"):
        return toml.loads(text)
    return {}
