"""What cached facts and findings were computed with: a cache entry is reused only by the same
plexilint code, on the same Python, with the same schema validator."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from functools import lru_cache
from pathlib import Path

import plexilint

# A rule validates analysed JSON schemas with jsonschema: another version can change a finding.
_DEPENDENCIES = ("jsonschema",)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of plexilint's version and source, the interpreter (``ast`` differs between Python
    versions) and the installed files of the dependencies the rules call. The source is hashed,
    not just the version number: an edited extractor or rule (a development checkout, a patched
    install) must not reuse what the old code computed."""
    digest = hashlib.sha256()
    digest.update(f"{plexilint.__version__}\0{sys.implementation.name}\0{sys.version}\0".encode())
    for name in _DEPENDENCIES:
        digest.update(_installed_files_signature(name).encode())
    package = Path(plexilint.__file__).parent
    for path in _source_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _source_files(package: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(package):
        subdirectories[:] = [d for d in subdirectories if d != "__pycache__"]
        found.extend(Path(directory, name) for name in names if name.endswith(".py"))
    return sorted(found)


def _installed_files_signature(name: str) -> str:
    """Name, size and mtime of a package's top-level modules: an upgrade rewrites them. (Cheaper
    than importlib.metadata, whose import alone costs a cached run 15 ms.)"""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return f"{name}: not installed\0"
    signature = [name]
    for location in spec.submodule_search_locations:
        try:
            entries = sorted(os.scandir(location), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                status = entry.stat()
                signature.append(f"{entry.name}:{status.st_size}:{status.st_mtime_ns}")
    return "\0".join(signature) + "\0"
