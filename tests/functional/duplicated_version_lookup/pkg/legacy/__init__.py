"""Legacy importer: reads its version from a file shipped beside it.  The lookup exists in
this module only, so there is nothing to consolidate."""

from pathlib import Path


def _read_version_file():
    path = Path(__file__).with_name("VERSION")
    return path.read_text(encoding="utf-8").strip() if path.exists() else "0.0.0"


__version__ = _read_version_file()
