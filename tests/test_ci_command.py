"""CI runs the README's test command, and that command runs every check: the import layers,
the types, the quick tests and the slow ones."""

from __future__ import annotations

import re
import shlex
import subprocess
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


def _pytest_options() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]


def test_ci_runs_exactly_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    last_command = [line for line in script.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last_command == _readme_test_command()


def test_the_readme_test_command_runs_every_check():
    steps = [shlex.split(step) for step in _readme_test_command().split("&&")]
    assert steps[0][:2] == ["pip", "install"]
    assert steps[1:] == [["lint-imports"], ["mypy"], ["pytest"], ["pytest", "-m", "slow"]]


def test_the_quick_run_leaves_out_only_the_slow_tests():
    options = _pytest_options()
    expected = ["-ra", "--strict-markers", "-m", "not slow", "-n", "2", "--dist", "loadfile"]
    assert shlex.split(options["addopts"]) == expected
    assert any(marker.startswith("slow:") for marker in options["markers"])


def test_the_slow_run_selects_the_slow_tests_and_only_them():
    """`-m slow` on the command line replaces the default `-m 'not slow'` (an empty slow run
    would exit 5 and fail CI, never pass silently: this catches it before CI does)."""
    completed = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                                "-m", "slow", "tests/test_frontends.py", "tests/test_robustness.py"],
                               cwd=REPO, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    slow = {line for line in completed.stdout.splitlines() if "::" in line}
    assert "tests/test_robustness.py::test_five_megabyte_generated_module" in slow
    assert "tests/test_frontends.py::test_cli_flake8_and_pylint_agree[functional/complexity]" in slow
    assert "tests/test_frontends.py::test_cli_flake8_and_pylint_agree[sample_projects/plexichat_legacy]" not in slow
    assert "tests/test_robustness.py::test_unreadable_file" not in slow
