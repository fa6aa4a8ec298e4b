"""CI runs the README's test command, and that command runs every test, the slow ones too."""

from __future__ import annotations

import re
import sys

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def _readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv \.venv && \. \.venv/bin/activate && (.*pytest.*)$", readme, re.MULTILINE)
    assert len(commands) == 1, commands
    return commands[0]


def test_ci_runs_exactly_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    last_command = [line for line in script.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last_command == _readme_test_command()


def test_the_readme_test_command_deselects_nothing():
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert not re.search(r"(^|\s)(-m|-k|--deselect)\b", options.get("addopts", ""))
    assert not re.search(r"\s-(m|k)\s", _readme_test_command())
    assert any(marker.startswith("slow:") for marker in options["markers"])
