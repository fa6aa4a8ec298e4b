"""What a fix leaves behind when it is killed, and what a hand-edited manifest can make rollback
do: temporary files are never where git sees them and are cleaned by the next run; rollback
never touches anything outside the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plexilint.consolidation import atomic
from plexilint.consolidation.backups import FixRefused, apply_changes, list_runs, rollback

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
FILES = {"pkg/__init__.py": b"", "pkg/a.py": b"A = 1\n", "pkg/b.py": b"B = 1\n"}


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=root, check=True, capture_output=True, text=True,
                          env=GIT_ENV).stdout


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    for relative, data in FILES.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_bytes(data)
    (project / "pyproject.toml").write_text("[tool.plexilint]\n")
    return project.resolve()


def changes(root: Path) -> dict[Path, bytes]:
    return {root / "pkg/a.py": b"A = 2\n", root / "pkg/b.py": b"B = 2\n", root / "pkg/new/c.py": b"C = 2\n"}


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    return int(finished.stdout)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked writer")
def test_a_run_killed_between_write_and_rename_leaves_nothing_git_sees_and_rollback_cleans_up(root):
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, killed with its temporary file written
        def die(stage: str, path: Path) -> None:
            if stage == "before-replace" and path.name == "b.py":
                os.kill(os.getpid(), 9)

        atomic.write_hook = die
        apply_changes(root, changes(root), "fallbacks")
        os._exit(0)
    os.waitpid(pid, 0)
    leftovers = list(root.rglob(f"*{atomic.TEMPORARY_SUFFIX}"))
    assert leftovers and all(".plexilint" in p.relative_to(root).parts for p in leftovers)
    # Only the file already written shows; no temporary file, no .plexilint/.
    assert git(root, "status", "--porcelain", "--untracked-files=all").split("\n")[0] == " M pkg/a.py"
    assert len(git(root, "status", "--porcelain", "--untracked-files=all").splitlines()) == 1
    result = rollback(root)
    assert result.restored == ["pkg/a.py"]
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert not list(root.rglob(f"*{atomic.TEMPORARY_SUFFIX}"))


def test_a_temporary_file_left_beside_a_target_is_removed_by_the_next_run(root):
    stale = root / "pkg" / f".a.py.{dead_pid()}-0a1b2c3d{atomic.TEMPORARY_SUFFIX}"
    stale.write_bytes(b"half")
    alive = root / "pkg" / f".b.py.{os.getppid()}-0a1b2c3d{atomic.TEMPORARY_SUFFIX}"  # a live writer's
    alive.write_bytes(b"in progress")
    apply_changes(root, changes(root), "fallbacks")
    assert not stale.exists() and alive.exists()


def edit_manifest(root: Path, edit) -> None:
    (run,) = list_runs(root)
    path = root / ".plexilint" / "backups" / run.run_id / "manifest.json"
    manifest = json.loads(path.read_text())
    edit(manifest)
    path.write_text(json.dumps(manifest))


def test_rollback_never_removes_folders_outside_the_project(root, tmp_path):
    outside = tmp_path / "outside-empty"
    outside.mkdir()
    apply_changes(root, changes(root), "fallbacks")
    edit_manifest(root, lambda m: m["directories_created"].extend(["../outside-empty", str(outside), ".."]))
    rollback(root)
    assert outside.is_dir() and not (root / "pkg" / "new").exists()


@pytest.mark.parametrize("path", ["../victim.py", "/etc/passwd", "pkg/../../victim.py", ".plexilint/history.json"])
def test_rollback_refuses_a_manifest_naming_files_outside_the_project(root, tmp_path, path):
    victim = tmp_path / "victim.py"
    victim.write_bytes(b"precious\n")
    apply_changes(root, changes(root), "fallbacks")
    edit_manifest(root, lambda m: m["files"].append({**m["files"][0], "path": path, "created": True}))
    with pytest.raises(FixRefused, match="outside the project root"):
        rollback(root)
    assert victim.read_bytes() == b"precious\n"


def test_a_manifest_whose_run_id_is_not_its_directory_is_refused(root):
    apply_changes(root, changes(root), "fallbacks")
    edit_manifest(root, lambda m: m.update(run_id="../../elsewhere"))
    with pytest.raises(FixRefused, match="does not belong to its run directory"):
        rollback(root)


def test_a_damaged_history_stops_fix_apply_before_any_file_is_written(tmp_path, cli):
    from conftest import write_project
    from stub_projects import DUPLICATED_STUBS

    root = write_project(tmp_path / "stubs", DUPLICATED_STUBS, "").resolve()
    (root / ".plexilint").mkdir()
    (root / ".plexilint" / "history.json").write_text("{not json")
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    status, _, err = cli("fix", "--apply", root)
    assert status == 2 and "history.json" in err
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == before
    assert list_runs(root) == []
