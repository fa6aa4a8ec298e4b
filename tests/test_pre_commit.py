"""The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit from a real `git commit`.

The hook repository is this checkout as pre-commit consumes it: a git commit. Its files (tracked
ones, and untracked ones git does not ignore) are copied into a temporary repository and
committed, so uncommitted work is tested as it stands and a clean clone tests its HEAD.
pre-commit builds the hooks' virtualenv (pip-installing plexilint and its dependencies) once for
the whole module, in a shared PRE_COMMIT_HOME: about 20 s, the commits about 1 s each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, spy_on, write_project
from plexilint.adapters.cli import main
from plexilint.runner import run, session

STUB = "class {name}:\n    def __init__(self):\n        pass\n"
CLEAN = "def add(a, b):\n    return a + b\n"
TIMEOUT = 900  # the first commit builds the hook environment


@pytest.fixture(scope="module")
def git_environment(tmp_path_factory) -> dict[str, str]:
    """Git and pre-commit isolated from the user's configuration, one pre-commit store."""
    pytest.importorskip("pre_commit")  # in the `test` extra
    base = tmp_path_factory.mktemp("pre-commit")
    gitconfig = base / "gitconfig"
    gitconfig.write_text("[user]\n\tname = t\n\temail = t@example.org\n[init]\n\tdefaultBranch = main\n",
                         encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environment.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1",
                       PRE_COMMIT_HOME=str(base / "store"), PRE_COMMIT_COLOR="never")
    return environment


def _run(arguments: list[str], cwd: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(arguments, cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)


def _git(cwd: Path, environment: dict[str, str], *arguments: str) -> str:
    completed = _run(["git", *arguments], cwd, environment)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout.strip()


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory, git_environment) -> tuple[Path, str]:
    """(path, commit) of this checkout as a git repository pre-commit can clone."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("the hook repository is built from a git checkout of plexilint")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode("utf-8")
    snapshot = tmp_path_factory.mktemp("plexilint-hook-repository")
    for relative in filter(None, listed.split("\0")):
        source = REPO / relative
        if source.is_file():  # a tracked file deleted in the work tree is gone from the snapshot too
            (snapshot / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / relative)
    _git(snapshot, git_environment, "init", "--quiet")
    _git(snapshot, git_environment, "add", "--all")
    _git(snapshot, git_environment, "commit", "--quiet", "--no-verify", "-m", "plexilint as it stands")
    return snapshot, _git(snapshot, git_environment, "rev-parse", "HEAD")


class Project:
    """A git repository with plexilint's hooks installed, committed once without them."""

    def __init__(self, root: Path, environment: dict[str, str]) -> None:
        self.root = root
        self.environment = environment

    def git(self, *arguments: str) -> str:
        return _git(self.root, self.environment, *arguments)

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, *paths: str) -> subprocess.CompletedProcess:
        """Stages only ``paths`` and commits through the installed git hook."""
        self.git("add", "--", *paths)
        return _run(["git", "commit", "-m", "change"], self.root, self.environment)

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def make_project(tmp_path, hook_repository, git_environment):
    def make(hooks: list[dict], files: dict[str, str], baseline: bool = False) -> Project:
        repository, rev = hook_repository
        root = write_project(tmp_path / "project", {"app/__init__.py": "", **files}, "")
        # JSON is YAML: pre-commit reads this as its configuration.
        pre_commit_config = {"repos": [{"repo": repository.as_posix(), "rev": rev, "hooks": hooks}]}
        (root / ".pre-commit-config.yaml").write_text(json.dumps(pre_commit_config, indent=2), encoding="utf-8")
        project = Project(root, git_environment)
        project.git("init", "--quiet")
        if baseline:  # today's findings accepted, as docs/baseline.md starts
            assert main(["baseline", "create", str(root)]) == 0
        project.git("add", "--all")
        project.git("commit", "--quiet", "--no-verify", "-m", "before plexilint")
        installed = _run([sys.executable, "-m", "pre_commit", "install"], root, git_environment)
        assert installed.returncode == 0, installed.stdout + installed.stderr
        return project

    return make


def _reported_files(output: str) -> set[str]:
    """Files with a finding in the hook's output (lines `path:line:column: PLX...`)."""
    return {line.split(":", 1)[0] for line in output.splitlines() if ": PLX" in line and line[:1] not in " -"}


# The tests that commit through the installed hooks: pre-commit builds the hooks' environment
# first (pip-installs plexilint and its dependencies), so they run in the slow job.
hook_commits = pytest.mark.slow


def test_the_manifest_is_valid_for_pre_commit(git_environment):
    validated = _run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                     REPO, git_environment)
    assert validated.returncode == 0, validated.stdout + validated.stderr


@hook_commits
def test_a_duplicate_of_a_file_that_is_not_staged_blocks_the_commit(make_project):
    project = make_project([{"id": "plexilint"}], {"app/events/__init__.py": STUB.format(name="EventManager")})
    before = project.head()
    project.write("app/files/__init__.py", STUB.format(name="FileManager"))

    blocked = project.commit("app/files/__init__.py")

    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert project.head() == before
    assert "PLX101 Fallback stub `FileManager`" in output
    assert "app/events/__init__.py:1" in output  # the committed twin, named in the message
    # Findings are limited to the committed files: the twin's own finding is not reported.
    assert _reported_files(output) == {"app/files/__init__.py"}


@hook_commits
def test_a_clean_commit_passes(make_project):
    project = make_project([{"id": "plexilint"}], {"app/events/__init__.py": STUB.format(name="EventManager")})
    before = project.head()
    project.write("app/maths.py", CLEAN)

    passed = project.commit("app/maths.py")

    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert project.head() != before
    assert "plexilint" in output and "Passed" in output


@hook_commits
def test_the_project_hook_checks_every_file_when_python_or_the_config_changes(make_project):
    debt = {"app/events/__init__.py": STUB.format(name="EventManager"),
            "app/files/__init__.py": STUB.format(name="FileManager")}
    project = make_project([{"id": "plexilint-project"}], debt)

    project.write("README.md", "notes\n")
    skipped = project.commit("README.md")
    output = skipped.stdout + skipped.stderr
    assert skipped.returncode == 0 and "(no files to check)Skipped" in output, output

    project.write("app/maths.py", CLEAN)
    blocked = project.commit("app/maths.py")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert _reported_files(output) == set(debt)  # files the commit did not touch

    project.write("pyproject.toml", '[tool.plexilint]\nignore = ["PLX101"]\n')
    before = project.head()
    passed = project.commit("pyproject.toml", "app/maths.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert project.head() != before


@hook_commits
def test_the_hook_with_a_baseline_blocks_only_new_findings(make_project):
    debt = {"app/events/__init__.py": STUB.format(name="EventManager"),
            "app/files/__init__.py": STUB.format(name="FileManager")}
    hook = {"id": "plexilint", "args": ["--baseline", ".plexilint-baseline.json"]}
    project = make_project([hook], debt, baseline=True)
    assert (project.root / ".plexilint-baseline.json").is_file()

    project.write("app/events/__init__.py", '"""Events."""\n\n' + STUB.format(name="EventManager"))
    accepted = project.commit("app/events/__init__.py")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr

    project.write("app/users/__init__.py", STUB.format(name="UserManager"))
    blocked = project.commit("app/users/__init__.py")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert _reported_files(output) == {"app/users/__init__.py"}


def test_file_arguments_are_checked_against_the_whole_project_analysed_once(project, monkeypatch):
    """What the `plexilint` hook relies on: pre-commit passes only the staged files."""
    root = project({
        "app/__init__.py": "",
        "app/events/__init__.py": STUB.format(name="EventManager"),
        "app/files/__init__.py": STUB.format(name="FileManager"),
        "app/users/__init__.py": STUB.format(name="UserManager"),
        "app/maths.py": CLEAN,
    })
    analysed = spy_on(monkeypatch, session, "analyse_project")
    named = [root / "app/files/__init__.py", root / "app/users/__init__.py", root / "app/maths.py"]

    result = run.check_paths(named)

    assert analysed == [root.resolve()]
    assert result.files_checked == 3
    reported = {Path(f.path).relative_to(root.resolve()).as_posix() for f in result.findings}
    assert reported == {"app/files/__init__.py", "app/users/__init__.py"}
    assert all(len(f.related) == 2 for f in result.findings)  # the unnamed twin counts
