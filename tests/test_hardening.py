"""Hostile trees, configurations, caches and repositories: each gives a clear message or a
correct result; never a traceback, a hang or a silently wrong answer."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from conftest import write_project
from plexilint.adapters.cli import main
from plexilint.engine import discovery
from plexilint.engine.discovery import discover
from stub_projects import DUPLICATED_STUBS, stub

NOBODY = 65534
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=root, check=True, capture_output=True, text=True,
                          env=GIT_ENV).stdout


@contextmanager
def time_limit(seconds: int):
    """Fails the test instead of hanging it."""
    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- permissions: run as an unprivileged user ------------------------------------------------

def run_unprivileged(function) -> tuple[object, str]:
    """Runs ``function()`` in a forked child that dropped root for `nobody` (the interpreter and
    every module are already loaded, so only the project's own files are read as `nobody`);
    returns its result (or "Traceback") and everything it printed."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        raw = io.BytesIO()
        output = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # flake8 writes to .buffer
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with redirect_stdout(output), redirect_stderr(output):
                result = function()
        except SystemExit as exit_:
            result = exit_.code
        except BaseException:  # noqa: BLE001 - reported to the parent
            result = "Traceback"
            output.write(traceback.format_exc())
        output.flush()
        os.write(write, json.dumps([result, raw.getvalue().decode("utf-8")]).encode())
        os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 1 << 16):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    result, printed = json.loads(data)
    return result, printed


needs_root = pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0,
                                reason="drops root privileges to `nobody`; as another user chmod suffices")


@pytest.fixture
def world_readable_project():
    """A project `nobody` can read, with a folder nobody can enter holding a pyvenv.cfg."""
    base = Path(tempfile.mkdtemp(prefix="plexilint-perm-"))
    base.chmod(0o755)
    root = write_project(base / "proj", {"app/__init__.py": "", "app/a.py": stub("EventManager"),
                                         "app/b.py": stub("FileManager"), "app/locked/pyvenv.cfg": "",
                                         "app/locked/c.py": "x = 1\n"}, "")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (root / "app" / "locked").chmod(0)
    yield root
    (root / "app" / "locked").chmod(0o755)
    shutil.rmtree(base)


@needs_root
def test_a_folder_the_user_cannot_enter_is_reported_by_the_cli(world_readable_project):
    root = world_readable_project
    main(["check", "--no-cache", str(root)])  # loads every module before privileges are dropped
    status, printed = run_unprivileged(lambda: main(["check", "--no-cache", "--format", "json", str(root)]))
    assert status == 1, printed
    report = json.loads(printed)
    assert {f["code"] for f in report["findings"]} == {"PLX101"}
    assert {"path": str(root / "app/locked"), "reason": "cannot be read: permission denied"} in \
        report["summary"]["skipped"]
    status, printed = run_unprivileged(lambda: main(["check", "--no-cache", str(root)]))
    assert status == 1 and "Traceback" not in printed
    assert "app/locked (cannot be read: permission denied)" in printed


@needs_root
def test_a_folder_the_user_cannot_enter_does_not_crash_flake8(world_readable_project):
    from flake8.main.cli import main as flake8

    root = world_readable_project
    arguments = ["--isolated", "--select", "PLX", "-j", "1", str(root / "app")]
    assert flake8(arguments) == 1  # root's run loads the modules
    status, printed = run_unprivileged(lambda: flake8(arguments))
    assert status == 1 and "Traceback" not in printed and "PLX101" in printed, printed


@needs_root
def test_a_folder_the_user_cannot_enter_does_not_crash_pylint(world_readable_project):
    from pylint.lint import Run

    root = world_readable_project
    arguments = ["--load-plugins=plexilint.pylint", "--disable=all", "--enable=duplicated-fallback-stub",
                 "--persistent=n", "-j", "1", "--score=n", str(root / "app" / "a.py"), str(root / "app" / "b.py")]
    Run(arguments, exit=False)

    def run_pylint():
        import pylint.lint.pylinter as pylinter

        # pylint's own statistics live in root's home, out of `nobody`'s reach: not plexilint's concern.
        pylinter.load_results = pylinter.save_results = lambda *args, **kwargs: None
        return Run(arguments, exit=False).linter.msg_status

    status, printed = run_unprivileged(run_pylint)
    assert "Traceback" not in printed and "astroid-error" not in printed, printed
    assert "duplicated-fallback-stub" in printed


def test_permission_denied_on_a_pyvenv_cfg_is_simulated_where_privileges_cannot_drop(project, cli, monkeypatch):
    """The exact call that failed: Path.is_file() on pyvenv.cfg raising PermissionError."""
    root = project({"app/__init__.py": "", "app/a.py": "x = 1\n", "app/locked/c.py": "y = 1\n"})
    real_is_file = Path.is_file

    def is_file(path):
        if path.parent.name == "locked" and path.name == "pyvenv.cfg":
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    status, out, err = cli("check", root, "--format", "json")
    assert (status, err) == (0, "")


# -- discovery --------------------------------------------------------------------------------

def test_a_stray_pyvenv_cfg_does_not_hide_an_application_folder(project, cli):
    root = project({"app/__init__.py": "", "app/a.py": stub("EventManager"), "app/b.py": stub("FileManager"),
                    "app/pyvenv.cfg": "home = /usr/bin\n",
                    "env/pyvenv.cfg": "home = /usr/bin\n", "env/bin/python3": "", "env/lib/x.py": "x = 1\n"})
    found = discover(root, [])
    assert [p.relative_to(root).as_posix() for p in found.files] == ["app/__init__.py", "app/a.py", "app/b.py"]
    assert [(s.path, s.reason) for s in found.skipped] == [("env", "virtual environment")]


def test_output_folder_names_inside_a_package_are_source(project):
    root = project({"pkg/__init__.py": "", "pkg/build/__init__.py": "", "pkg/build/wheel.py": "x = 1\n",
                    "pkg/dist/helpers.py": "x = 1\n", "pkg/site-packages/vendored.py": "x = 1\n",
                    "build/lib/pkg/copy.py": "x = 1\n", "dist/out.py": "x = 1\n"})
    found = discover(root, [])
    assert sorted(p.relative_to(root).as_posix() for p in found.files) == [
        "pkg/__init__.py", "pkg/build/__init__.py", "pkg/build/wheel.py", "pkg/dist/helpers.py",
        "pkg/site-packages/vendored.py"]
    assert [(s.path, s.reason) for s in found.skipped] == [("build", "build output"), ("dist", "build output")]


def test_skipped_folders_are_shown_in_text_and_json_but_not_excluded_ones(project, cli):
    root = project({"pkg/__init__.py": "", "build/x.py": "x = 1\n", "private/y.py": "y = 1\n",
                    "nested/pyproject.toml": "", "nested/z.py": "z = 1\n"}, 'exclude = ["private"]\n')
    (root / "linked").symlink_to(root / "pkg", target_is_directory=True)
    status, out, _ = cli("check", root, "--format", "json")
    skipped = json.loads(out)["summary"]["skipped"]
    assert [(Path(s["path"]).name, s["reason"]) for s in skipped] == [
        ("build", "build output"), ("linked", "symbolic link (not followed)")]  # nested: checked on its own
    status, out, _ = cli("check", root / "pkg")  # the nested project is not checked: it is reported
    assert "Not searched" not in out
    status, out, _ = cli("check", root)
    assert "Not searched: 2 folders:" in out and "build (build output)" in out


def test_gitignore_is_respected_unless_turned_off(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": stub("EventManager"), "generated/__init__.py": "",
                    "generated/b.py": stub("FileManager"), "pkg/_version.py": stub("Version")})
    (root / ".gitignore").write_text("generated/\n_version.py\n")
    git(root, "init", "-q")
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert report["summary"]["files_checked"] == 2 and report["findings"] == []
    assert [(Path(s["path"]).name, s["reason"]) for s in report["summary"]["skipped"]] == [
        ("generated", "ignored by git (.gitignore)")]
    (root / "pyproject.toml").write_text("[tool.plexilint]\nrespect-gitignore = false\n")
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert report["summary"]["files_checked"] == 5 and report["summary"]["by_code"] == {"PLX101": 3}


def test_gitignore_has_no_effect_outside_a_repository(project):
    root = project({"pkg/__init__.py": "", "generated/b.py": "x = 1\n"})
    (root / ".gitignore").write_text("generated/\n")
    assert len(discover(root, []).files) == 2


def test_fifty_thousand_exclude_globs_are_compiled_once(project, monkeypatch):
    root = project({f"pkg{n}/mod{m}.py": "x = 1\n" for n in range(10) for m in range(10)})
    globs = [f"nothing{n}*/x?" for n in range(25_000)] + [f"literal{n}" for n in range(25_000)]
    translated = []
    real_translate = discovery.fnmatch.translate
    monkeypatch.setattr(discovery.fnmatch, "translate", lambda p: translated.append(p) or real_translate(p))
    discovery._compiled.cache_clear()
    assert len(discover(root, [*globs, "pkg3"]).files) == 90
    assert len(discover(root, [*globs, "pkg3"]).files) == 90
    # Each glob translated at most once, for both runs and all 100 files and their folders;
    # literal names never (a set lookup), and none whose literal prefix no path starts with.
    assert len(translated) <= 25_000 and not any(p.startswith("literal") for p in translated)
    assert translated == []


# -- the cache ---------------------------------------------------------------------------------

@pytest.mark.parametrize("replacement", ["fifo", "link to /dev/zero", "huge"])
def test_a_cache_entry_that_is_not_a_regular_file_is_a_miss(project, cli, project_cache_location, replacement):
    root = project(DUPLICATED_STUBS)
    assert cli("check", root)[0] == 1
    entries = sorted((root / ".plexilint_cache").glob("*/*.p*"))  # the findings (.pickle) and facts (.pack)
    assert {entry.suffix for entry in entries} == {".pickle", ".pack"}
    for entry in entries:
        entry.unlink()
        if replacement == "fifo":
            os.mkfifo(entry)
        elif replacement == "link to /dev/zero":
            entry.symlink_to("/dev/zero")
        else:
            with open(entry, "wb") as stream:
                stream.truncate(2 ** 40)  # a sparse terabyte
    with time_limit(60):
        status, out, err = cli("check", root)
    assert status == 1 and "PLX101" in out and err == ""


def test_a_symlinked_cache_directory_is_not_followed(project, cli, project_cache_location, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = project(DUPLICATED_STUBS)
    (root / ".plexilint_cache").symlink_to(elsewhere, target_is_directory=True)
    assert cli("check", root)[0] == 1
    assert cli("check", root)[0] == 1
    assert list(elsewhere.iterdir()) == []


# -- configuration and command line ------------------------------------------------------------

DEEP_TOML = "[tool.plexilint]\nselect = " + "[" * 500 + "]" * 500 + "\n"


@pytest.mark.parametrize("command", ["check", "fix", "report", "hotspots"])
def test_a_pyproject_nested_500_levels_is_a_configuration_error(project, cli, command):
    root = project(DUPLICATED_STUBS, None)
    (root / "pyproject.toml").write_text(DEEP_TOML)
    status, out, err = cli(command, root)
    assert status == 2 and "nested too deeply" in err and "Traceback" not in err


@pytest.mark.parametrize("tool", ["flake8", "pylint"])
def test_a_pyproject_nested_500_levels_stops_flake8_and_pylint_with_the_message(project, tmp_path, tool):
    root = project(DUPLICATED_STUBS, None)
    (root / "pyproject.toml").write_text(DEEP_TOML)
    command = (["flake8", "--select", "PLX"] if tool == "flake8" else
               ["pylint", "--load-plugins=plexilint.pylint", "--disable=all", "--enable=duplicated-fallback-stub"])
    # Run from outside the project: pylint itself reads the pyproject.toml of its current
    # directory at start-up, and crashes on this one before any plugin is loaded.
    result = subprocess.run([sys.executable, "-m", *command, str(root / "pkg")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "nested too deeply" in output and "Traceback" not in output, output


def test_flake8_in_the_project_with_a_pyproject_nested_500_levels(project):
    root = project(DUPLICATED_STUBS, None)
    (root / "pyproject.toml").write_text(DEEP_TOML)
    result = subprocess.run([sys.executable, "-m", "flake8", "--select", "PLX", "pkg"], cwd=root,
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 2 and "nested too deeply" in output and "Traceback" not in output, output


@pytest.mark.parametrize("command", ["check", "fix", "report", "hotspots", "contracts"])
def test_a_symlink_loop_named_on_the_command_line(project, cli, command):
    root = project({"pkg/__init__.py": ""})
    (root / "loop").symlink_to(root / "loop")
    status, out, err = cli(command, root / "loop")
    assert status == 2 and "symbolic link loop" in err and "Traceback" not in err


# -- git ----------------------------------------------------------------------------------------

def test_git_never_runs_the_repository_s_fsmonitor_or_hooks(project, cli, tmp_path):
    root = project(DUPLICATED_STUBS)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    marker = tmp_path / "ran"
    hook = tmp_path / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    git(root, "config", "core.fsmonitor", str(hook))
    hooks = root / ".git" / "hooks"
    for name in ("post-index-change", "reference-transaction"):
        (hooks / name).write_text(f"#!/bin/sh\ntouch {marker}\n")
        (hooks / name).chmod(0o755)
    assert cli("check", root)[0] == 1
    assert cli("fix", "--apply", root)[0] == 0  # asks git which files have uncommitted changes
    assert cli("check", root, "--diff", "HEAD")[0] in (0, 1)
    assert not marker.exists()


def test_a_path_named_inside_a_skipped_folder_says_why_nothing_was_checked(project, cli):
    root = project({"pkg/__init__.py": "", "build/lib/x.py": "x = 1\n"})
    status, out, _ = cli("check", root / "build" / "lib")
    assert status == 0 and "No Python files checked" in out and "build (build output)" in out


def test_compiled_exclude_globs_match_exactly_what_fnmatch_matches():
    import fnmatch

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from plexilint.engine.discovery import ExcludeGlobs

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.lists(st.text("ab*?./[]!", max_size=6), min_size=1, max_size=5), st.text("ab./!", max_size=8))
    def check(patterns, name):
        patterns = [p for p in patterns if p.count("[") == p.count("]")]  # what the configuration accepts
        expected = any(fnmatch.fnmatch(name, p) for p in patterns)
        assert ExcludeGlobs(patterns).matches_name(name) == expected, (patterns, name)

    check()


def test_a_nested_project_git_ignores_is_not_checked(project, cli):
    root = project({"pkg/__init__.py": "", "vendor/lib/pyproject.toml": "", "vendor/lib/a.py": stub("A"),
                    "vendor/lib/b.py": stub("B")})
    (root / ".gitignore").write_text("vendor/\n")
    git(root, "init", "-q")
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert report["findings"] == [] and len(report["summary"]["roots"]) == 1
