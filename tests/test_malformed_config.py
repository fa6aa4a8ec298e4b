"""Malformed configuration, through every front-end: exit status 2 (flake8 and pylint: their
own error report) and a message naming the key, never a traceback. tests/test_config.py
covers the validation rules themselves; this file covers what a broken pyproject.toml does."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from plexilint.config import ConfigError

FILES = {"pkg/__init__.py": "", "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n"}

# (pyproject.toml, fragments the message must contain)
CASES = {
    # not TOML at all
    "invalid TOML": ("[tool.plexilint]\nselect = [\n", ["invalid TOML"]),
    "not UTF-8": (b"[tool.plexilint]\nselect = ['\xff']\n", ["invalid TOML", "utf-8"]),
    # the tables themselves of the wrong type
    "tool is no table": ("tool = 3\n", ["'tool'", "3", "expected a table [tool]"]),
    "tool.plexilint is no table": ('[tool]\nplexilint = "on"\n', ["'tool.plexilint'", "'on'", "expected a table"]),
    "complexity is no table": ("[tool.plexilint]\ncomplexity = 3\n", ["'complexity'", "3", "expected a table"]),
    "contracts is no array": ("[tool.plexilint]\ncontracts = 3\n", ["'contracts'", "3", "array of tables"]),
    "contracts of numbers": ("[tool.plexilint]\ncontracts = [1, 2]\n", ["'contracts'", "[1, 2]", "array of tables"]),
    # wrong types
    "string for a list": ('[tool.plexilint]\nexclude = "tests"\n', ["'exclude'", "'tests'", "list of strings"]),
    "boolean for an integer": ("[tool.plexilint]\nmin-duplicates = true\n", ["'min-duplicates'", "True", "integer"]),
    "string for a boolean": ('[tool.plexilint]\ncache = "yes"\n', ["'cache'", "'yes'", "true or false"]),
    "date for codes": ("[tool.plexilint]\nignore = 1979-05-27\n", ["'ignore'", "1979", "list of strings"]),
    "string in a sub-table": ('[tool.plexilint.complexity]\nmax-cyclomatic = "8"\n',
                              ["'complexity.max-cyclomatic'", "'8'", "integer >= 1"]),
    "nan": ("[tool.plexilint.complexity]\nmin-maintainability = nan\n",
            ["'complexity.min-maintainability'", "nan", "number from 0 to 100"]),
    "database string": ('[tool.plexilint.database]\nguarded = "services"\n', ["'database.guarded'", "list of strings"]),
    "moved without names": ('[tool.plexilint.moved]\n"a.b" = "c.d:E"\n', ["'moved'", "'a.b'", "dotted.module:Name"]),
    "contract key type": ('[[tool.plexilint.contracts]]\npreset = "plexichat-module"\nbase = 3\n',
                          ["'contracts[0].base'", "3", "expected a string"]),
    "contract preset list": ('[[tool.plexilint.contracts]]\npreset = ["plexichat-module"]\nbase = "B"\n',
                             ["'contracts[0].preset'", "['plexichat-module']", "expected one of plexichat-module"]),
    "contract method type": ('[[tool.plexilint.contracts]]\nname = "n"\nbase = "B"\n'
                             'methods = { run = { async = "yes" } }\n',
                             ["'contracts[0].methods.run.async'", "'yes'", "boolean"]),
    "contract without base": ('[[tool.plexilint.contracts]]\nname = "n"\n', ["'contracts[0].base'", "missing"]),
    # unknown keys, at the top and in every kind of sub-table
    "unknown key": ('[tool.plexilint]\ncolour = "red"\n', ["unknown key 'colour'", "known keys"]),
    "unknown complexity key": ("[tool.plexilint.complexity]\nmax-nesting = 3\n",
                               ["unknown key 'complexity.max-nesting'", "[tool.plexilint.complexity]"]),
    "unknown database key": ('[tool.plexilint.database]\nmanager = ["x"]\n',
                             ["unknown key 'database.manager'", "fallback-manager"]),
    "unknown contract key": ('[[tool.plexilint.contracts]]\npreset = "plexichat-module"\nbase = "B"\ncolour = 1\n',
                             ["unknown key 'contracts[0].colour'", "known keys"]),
    "unknown contract method key": ('[[tool.plexilint.contracts]]\nname = "n"\nbase = "B"\n'
                                    "methods = { run = { sync = true } }\n",
                                    ["unknown key 'contracts[0].methods.run.sync'"]),
    # globs
    "unbalanced exclude": ('[tool.plexilint]\nexclude = ["[abc"]\n', ["'exclude'", "unbalanced brackets"]),
    "empty exclude": ('[tool.plexilint]\nexclude = [""]\n', ["'exclude'", "non-empty glob"]),
    "unbalanced per-file glob": ('[tool.plexilint.per-file-ignores]\n"[tests" = ["PLX1"]\n',
                                 ["'per-file-ignores'", "unbalanced brackets"]),
    "dotted glob with a space": ('[tool.plexilint.database]\nguarded = ["my app"]\n',
                                 ["'database.guarded'", "'my app'"]),
    # codes
    "foreign code selected": ('[tool.plexilint]\nselect = ["E501"]\n', ["'select'", "E501", "rule codes or prefixes"]),
    "unknown code selected": ('[tool.plexilint]\nselect = ["PLX999"]\n', ["'select'", "PLX999", "matches no rule"]),
    "unknown family ignored": ('[tool.plexilint]\nignore = ["PLX9"]\n', ["'ignore'", "PLX9", "matches no rule"]),
    "unknown per-file code": ('[tool.plexilint.per-file-ignores]\n"tests/*" = ["PLX999"]\n',
                              ["per-file-ignores", "'tests/*'", "PLX999", "matches no rule"]),
    "foreign per-file code": ('[tool.plexilint.per-file-ignores]\n"tests/*" = ["X1"]\n',
                              ["per-file-ignores", "'tests/*'", "X1"]),
    "per-file codes no list": ('[tool.plexilint.per-file-ignores]\n"tests/*" = "PLX1"\n',
                               ["per-file-ignores", "'tests/*'", "list of strings"]),
}


def _write(root: Path, pyproject: str | bytes) -> None:
    data = pyproject if isinstance(pyproject, bytes) else pyproject.encode()
    (root / "pyproject.toml").write_bytes(data)


@pytest.mark.parametrize(("pyproject", "fragments"), list(CASES.values()), ids=list(CASES))
@pytest.mark.parametrize("command", ["check", "contracts", "hotspots", "report", "fix"])
def test_cli_exits_2_naming_the_key(project, cli, command, pyproject, fragments):
    root = project(FILES, None)
    _write(root, pyproject)
    status, out, err = cli(command, root)
    assert (status, out) == (2, "")
    assert err.startswith("plexilint: configuration error\n")
    assert str(root / "pyproject.toml") in err
    for fragment in fragments:
        assert fragment in err
    assert "Traceback" not in err


def test_unreadable_configuration(project, cli, monkeypatch):
    root = project(FILES, "")
    real_read_text = Path.read_text

    def read_text(path, *args, **kwargs):
        if path.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied")
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    status, out, err = cli("check", root)
    assert (status, out) == (2, "")
    assert "cannot read configuration: Permission denied" in err


def test_bad_codes_on_the_command_line(project, cli):
    root = project(FILES, "")
    for option in ("--select", "--ignore"):
        status, out, err = cli("check", root, option, "E501")
        assert (status, out) == (2, "") and "E501" in err
    status, out, err = cli("check", root, "--select", "PLX999")
    assert (status, out) == (2, "") and "PLX999" in err and "matches no rule" in err


def test_configuration_error_survives_a_process_boundary():
    """flake8 and pylint workers send exceptions back pickled."""
    error = ConfigError(["unknown key 'colour'", "invalid value for 'cache'"], "/p/pyproject.toml")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.problems, copy.source, str(copy)) == (error.problems, error.source, str(error))


def _run(tool: list[str], cwd: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *tool, str(target)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("where", ["current directory", "other project"])
def test_flake8_stops_with_the_message(project, tmp_path, where):
    """In the current directory the plugin stops flake8 at start-up (exit 2); a file of another
    project stops it while checking, through flake8's own error report (exit 1)."""
    root = project(FILES, None)
    _write(root, "[tool.plexilint.complexity]\nmax-nesting = 3\n")
    cwd = root if where == "current directory" else tmp_path
    result = _run(["flake8", "--select", "PLX"], cwd, root / "pkg")
    output = result.stdout + result.stderr
    assert result.returncode == (2 if where == "current directory" else 1)
    assert "plexilint: configuration error" in output
    assert "unknown key 'complexity.max-nesting'" in output
    assert "Traceback" not in output


def test_pylint_reports_a_bad_configuration_of_another_project(project, tmp_path):
    root = project(FILES, None)
    _write(root, "[tool.plexilint]\ncolour = 1\n")
    result = _run(["pylint", "--load-plugins=plexilint.pylint", "--disable=all", "--enable=unparsable-file"],
                  tmp_path, root / "pkg")
    assert result.returncode & 1  # pylint's "fatal message issued" bit
    assert "config-parse-error" in result.stdout and "unknown key 'colour'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "Fatal error while checking" not in result.stdout
