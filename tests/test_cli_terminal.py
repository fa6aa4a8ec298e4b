"""The command line on a terminal, tested under a pseudo-terminal: colour (`--color`,
`NO_COLOR`), wrapping at the terminal's width, and the progress bar on standard error."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from plexilint.adapters import terminal
from plexilint.adapters.cli import main
from stub_projects import DUPLICATED_STUBS, stub

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this platform")

ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _run_on_a_terminal(*args: str, env: dict[str, str] | None = None, stdout_on_pty: bool = True,
                       cwd: str | None = None) -> tuple[str, str]:
    """`python -m plexilint ARGS` with standard error (and, by default, standard output) on a
    pseudo-terminal; returns (what the terminal showed, what a pipe got)."""
    master, slave = os.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    environment.update({"TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", **(env or {})})
    process = subprocess.Popen([sys.executable, "-m", "plexilint", *args], stdin=subprocess.DEVNULL,
                               stdout=slave if stdout_on_pty else subprocess.PIPE, stderr=slave, env=environment,
                               cwd=cwd)
    os.close(slave)
    shown = bytearray()
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        shown += data
    piped = process.stdout.read() if process.stdout else b""
    process.wait(timeout=60)
    os.close(master)
    return shown.decode("utf-8", "replace"), piped.decode("utf-8", "replace")


def test_colour_on_a_terminal_and_never_in_a_pipe(project):
    root = project(DUPLICATED_STUBS)
    shown, _ = _run_on_a_terminal("check", str(root))
    assert "\x1b[1m\x1b[31mPLX101\x1b[0m" in shown  # the code in bold red, as ruff shows it
    assert ESCAPE.sub("", shown).count(": PLX101 ") == 2
    _, piped = _run_on_a_terminal("check", str(root), stdout_on_pty=False)
    assert "PLX101" in piped and "\x1b[" not in piped


@pytest.mark.parametrize("how", [{"args": ("--color", "never")}, {"env": {"NO_COLOR": "1"}},
                                 {"env": {"TERM": "dumb"}}])
def test_no_colour_when_asked_or_with_no_color(project, how):
    root = project(DUPLICATED_STUBS)
    shown, _ = _run_on_a_terminal("check", str(root), *how.get("args", ()), env=how.get("env"))
    assert "PLX101" in shown and "\x1b[" not in shown


def test_color_always_colours_a_pipe_too(project):
    root = project(DUPLICATED_STUBS)
    _, piped = _run_on_a_terminal("check", str(root), "--color", "always", stdout_on_pty=False)
    assert "\x1b[1m\x1b[31mPLX101\x1b[0m" in piped


def test_long_lines_wrap_at_the_terminal_width_and_stay_whole_in_a_pipe(project):
    files = {"pkg/__init__.py": ""}
    for name in ("alpha", "bravo", "charlie", "delta", "echo"):
        files[f"pkg/{name}_module_with_a_long_name.py"] = stub(name.title())
    root = project(files)
    shown, _ = _run_on_a_terminal("check", ".", "--color", "never", env={"COLUMNS": "80"}, cwd=str(root))
    lines = shown.replace("\r\n", "\n").splitlines()
    assert max(len(line) for line in lines[:-1]) <= 80  # the summary line is not a finding
    assert any(line.startswith("    ") for line in lines)  # continuation lines are indented
    _, piped = _run_on_a_terminal("check", ".", stdout_on_pty=False, env={"COLUMNS": "80"}, cwd=str(root))
    assert len(piped.splitlines()) == 6 and max(len(line) for line in piped.splitlines()) > 80


def _in_process_with_stderr_on_a_terminal(monkeypatch, *args: str) -> str:
    master, slave = os.openpty()
    stderr = os.fdopen(slave, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", stderr)
    try:
        main([*args])
    finally:
        stderr.close()
    shown = bytearray()
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        shown += data
    os.close(master)
    return shown.decode("utf-8", "replace")


def _many_files() -> dict[str, str]:
    files = {"pkg/__init__.py": ""}
    files.update({f"pkg/m{n:03}.py": f"def f{n}(x):\n    return x + {n}\n" for n in range(120)})
    return files


def test_progress_bar_on_a_terminal_once_the_run_is_long(project, monkeypatch, capsys):
    root = project(_many_files())
    monkeypatch.setattr(terminal, "PROGRESS_DELAY_SECONDS", 0.0)  # every run counts as long here
    monkeypatch.setenv("COLUMNS", "80")
    shown = _in_process_with_stderr_on_a_terminal(monkeypatch, "check", str(root), "--no-cache")
    assert "\rAnalysing  [" in shown
    assert "121/121 files" in shown
    assert shown.endswith("\r\x1b[2K")  # erased before the report
    assert "All checks passed (121 files checked)." in capsys.readouterr().out


def test_no_progress_bar_for_a_short_run_with_quiet_or_without_a_terminal(project, monkeypatch, capsys):
    root = project(_many_files())
    monkeypatch.setattr(terminal, "PROGRESS_DELAY_SECONDS", 3600.0)
    assert _in_process_with_stderr_on_a_terminal(monkeypatch, "check", str(root), "--no-cache") == ""
    monkeypatch.setattr(terminal, "PROGRESS_DELAY_SECONDS", 0.0)
    assert _in_process_with_stderr_on_a_terminal(monkeypatch, "check", str(root), "--no-cache", "-q") == ""
    monkeypatch.undo()
    monkeypatch.setattr(terminal, "PROGRESS_DELAY_SECONDS", 0.0)
    main(["check", str(root), "--no-cache"])  # standard error captured: not a terminal
    assert capsys.readouterr().err == ""


def test_hotspots_takes_the_same_color_option(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": "def f(x):\n    return x\n"})
    assert "\x1b[1mHotspots by file" in cli("hotspots", root, "--color", "always")[1]
    assert "\x1b[" not in cli("hotspots", root, "--color", "never")[1]
    shown, _ = _run_on_a_terminal("hotspots", str(root), env={"NO_COLOR": "1"})
    assert "Hotspots by file" in shown and "\x1b[" not in shown
    shown, _ = _run_on_a_terminal("hotspots", str(root))
    assert "\x1b[1mHotspots by file" in shown


def test_progress_bar_keeps_its_length_as_the_count_gains_digits(monkeypatch):
    monkeypatch.setattr(terminal.shutil, "get_terminal_size", lambda fallback: os.terminal_size((80, 24)))
    stream = io.StringIO()
    bar = terminal.ProgressBar(stream, delay=0)
    bar.started(661)
    drawn = []
    for done in (9, 90, 561):
        bar.drawn_at = None  # redraw every step
        bar.advanced(done)
        drawn.append(stream.getvalue().rsplit("\r", 1)[-1])
    assert {len(line) for line in drawn} == {79}
    assert {line.index("]") for line in drawn} == {drawn[0].index("]")}
    assert drawn[0].endswith("]    9/661 files") and drawn[-1].endswith("]  660/661 files")
