"""Shared by the robustness and fuzz tests: a configuration that gives every rule something to
do, and the oracle that says which files plexilint must report as PLX001."""

from __future__ import annotations

import ast
import importlib.util
import warnings
from pathlib import Path

from plexilint.config.loader import read_config_file
from plexilint.config.options import Config

# Every family enabled (the default `select`), and every rule that depends on configuration
# given something to check: contracts over common standard-library bases, moved names, the
# database layer guarded everywhere, a central fallbacks module that exists in the stdlib.
SWEEP_CONFIG = """\
[tool.plexilint]
select = ["PLX"]
fallbacks-module = "test.support"

[tool.plexilint.moved]
"unittest:TestCase" = "unittest.case:TestCase"
"os:walk" = "os.fallbacks:walk"
"typing:Any" = "typing_extensions:Any"
"collections:OrderedDict" = "compat.fallbacks:OrderedDict"

[tool.plexilint.database]
guarded = ["*"]
api = ["*"]
raw-access = ["dbm.*", "shelve.*", "sqlite3.*"]

[[tool.plexilint.contracts]]
preset = "plexichat-module"
base = "Exception"

[[tool.plexilint.contracts]]
preset = "plexichat-module"
name = "tests"
base = "*TestCase"

[[tool.plexilint.contracts]]
name = "threads"
base = "*Thread"
methods = { run = { async = false, params = [], returns = "None" } }
metadata-method = "describe"
metadata-keys = ["name"]
document-methods = true
require-super-init = true
"""


def sweep_config(directory: Path) -> Config:
    """SWEEP_CONFIG, validated by the real loader (written to ``directory``/pyproject.toml)."""
    path = directory / "pyproject.toml"
    path.write_text(SWEEP_CONFIG, encoding="utf-8")
    return read_config_file(path)


def python_parses(data: bytes) -> bool:
    """Whether these bytes are valid in the encoding they declare (PEP 263: what `python
    file.py` and the tokenize module demand) and CPython parses them: the oracle for PLX001.
    (``compile`` of bytes alone is laxer: it lets invalid UTF-8 pass inside comments.)"""
    try:
        importlib.util.decode_source(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(data)
    except (SyntaxError, UnicodeDecodeError, LookupError, ValueError, RecursionError, MemoryError):
        return False
    return True


def check_failures_match_python(analysis, contents: dict[str, bytes]) -> None:
    """Each file (relpath -> bytes) is either analysed, or reported as PLX001 exactly when
    Python cannot parse it; a file Python parses may only be PLX001 for nesting too deep to
    analyse, and then the message says so."""
    failures = {f.relpath: f.parse_failure for f in analysis.index.files}
    assert set(contents) <= set(failures)
    reported = {f.relpath: f for fs in analysis.findings.values() for f in fs if f.code == "PLX001"}
    assert set(reported) == {path for path, failure in failures.items() if failure is not None}
    for relpath, data in contents.items():
        failure = failures[relpath]
        if python_parses(data):
            assert failure is None or failure.kind == "too-deep", (relpath, failure)
            if failure is not None:
                assert "Python parses it" in reported[relpath].message
        else:
            assert failure is not None and failure.kind == "syntax", (relpath, failure)
            assert "fix it so Python can parse it" in reported[relpath].message
