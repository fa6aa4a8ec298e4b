"""Fix runs: originals backed up before atomic writes, and rollback to byte-identical files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from plexilint import __version__
from plexilint.consolidation.atomic import sha256_hex
from plexilint.consolidation.backups import (
    APPLIED, FAILED, ROLLED_BACK, FixFailed, FixRefused, apply_changes, backups_directory, list_runs,
    read_manifest, rollback,
)

CRLF = b"import os\r\n\r\nclass EventManager:\r\n    pass\r\n"
LATIN1 = b"# -*- coding: latin-1 -*-\nGREETING = '\xe9t\xe9 \xe0 la plage'\n"
SCRIPT = b"#!/usr/bin/env python3\nprint('hello')\n"


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and directory under root except plexilint's state: content and permission bits."""
    tree = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.split("/")[0] == ".plexilint":
            continue
        tree[relative] = (path.read_bytes() if path.is_file() else b"<dir>", stat.S_IMODE(path.stat().st_mode))
    return tree


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    (project / "pkg").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.plexilint]\n", encoding="utf-8")
    (project / "pkg" / "__init__.py").write_bytes(b"")
    (project / "pkg" / "crlf.py").write_bytes(CRLF)
    (project / "pkg" / "latin.py").write_bytes(LATIN1)
    (project / "pkg" / "tool.py").write_bytes(SCRIPT)
    (project / "pkg" / "tool.py").chmod(0o755)
    (project / "pkg" / "notes.txt").write_bytes(b"not python {{{\n")
    return project.resolve()


def changes_for(root: Path) -> dict[Path, bytes]:
    return {
        root / "pkg" / "crlf.py": b"from pkg.utils.fallbacks import EventManager\r\n",
        root / "pkg" / "latin.py": LATIN1 + b"VERSION = '1'\n",
        root / "pkg" / "tool.py": SCRIPT + b"print('bye')\n",
        root / "pkg" / "utils" / "fallbacks.py": b"class EventManager:\n    pass\n",
    }


def test_apply_writes_the_new_content_and_keeps_modes(root):
    run = apply_changes(root, changes_for(root), "fallbacks")
    assert run is not None and run.phase == "fallbacks"
    assert (root / "pkg" / "crlf.py").read_bytes() == b"from pkg.utils.fallbacks import EventManager\r\n"
    assert (root / "pkg" / "utils" / "fallbacks.py").read_bytes() == b"class EventManager:\n    pass\n"
    assert stat.S_IMODE((root / "pkg" / "tool.py").stat().st_mode) == 0o755
    assert (root / ".plexilint" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_the_manifest_records_hashes_modes_and_the_backups_are_the_originals(root):
    before = snapshot(root)
    run = apply_changes(root, changes_for(root), "fallbacks")
    manifest = json.loads((run.directory / "manifest.json").read_text(encoding="utf-8"))
    header = {key: manifest[key] for key in ("run_id", "phase", "plexilint", "status")}
    assert header == {"run_id": run.run_id, "phase": "fallbacks", "plexilint": __version__, "status": APPLIED}
    assert manifest["created_at"][-6:] == "+00:00"  # UTC
    entries = {entry["path"]: entry for entry in manifest["files"]}
    assert set(entries) == {"pkg/crlf.py", "pkg/latin.py", "pkg/tool.py", "pkg/utils/fallbacks.py"}
    assert entries["pkg/utils/fallbacks.py"] == {
        "path": "pkg/utils/fallbacks.py", "sha256_before": None,
        "sha256_after": sha256_hex(b"class EventManager:\n    pass\n"), "created": True, "mode": None}
    for relative in ("pkg/crlf.py", "pkg/latin.py", "pkg/tool.py"):
        assert_backed_up(root, run.directory, entries[relative], before[relative][0])


def assert_backed_up(root: Path, directory: Path, entry: dict, original: bytes) -> None:
    backup = (directory / "files" / entry["path"]).read_bytes()
    assert backup == original
    assert entry["mode"] == stat.S_IMODE((root / entry["path"]).stat().st_mode)  # tool.py: 0o755
    assert entry["sha256_before"] == sha256_hex(backup)
    assert entry["sha256_after"] == sha256_hex((root / entry["path"]).read_bytes())


def test_run_ids_are_timestamped_and_sortable(root):
    first = apply_changes(root, {root / "pkg" / "a.py": b"a = 1\n"}, "one")
    second = apply_changes(root, {root / "pkg" / "a.py": b"a = 2\n"}, "two")
    assert first.run_id[:8].isdigit() and first.run_id[8] == "T" and first.run_id[15:17] == "Z-"
    assert [r.run_id for r in list_runs(root)] == [first.run_id, second.run_id]


def test_apply_then_rollback_is_byte_identical_and_deletes_created_files(root):
    before = snapshot(root)
    run = apply_changes(root, changes_for(root), "fallbacks")
    result = rollback(root)
    assert result.run_id == run.run_id
    assert sorted(result.restored) == ["pkg/crlf.py", "pkg/latin.py", "pkg/tool.py"]
    assert result.deleted == ["pkg/utils/fallbacks.py"]
    assert snapshot(root) == before  # bytes and modes, and the created pkg/utils/ is gone
    assert read_manifest(root, run.run_id)["status"] == ROLLED_BACK


def test_unchanged_content_is_skipped_and_no_change_creates_no_run(root):
    run = apply_changes(root, {root / "pkg" / "crlf.py": CRLF, root / "pkg" / "latin.py": b"x = 1\n"}, "p")
    assert [record.path for record in run.files] == ["pkg/latin.py"]
    assert not (run.directory / "files" / "pkg" / "crlf.py").exists()
    assert apply_changes(root, {root / "pkg" / "latin.py": b"x = 1\n"}, "again") is None
    assert len(list_runs(root)) == 1


def test_nothing_to_change_leaves_no_state_directory(root):
    assert apply_changes(root, {root / "pkg" / "crlf.py": CRLF}, "p") is None
    assert not (root / ".plexilint").exists()


def test_new_python_that_does_not_parse_refuses_the_whole_run(root):
    before = snapshot(root)
    changes = changes_for(root)
    changes[root / "pkg" / "latin.py"] = b"def broken(:\n"
    with pytest.raises(FixRefused) as refused:
        apply_changes(root, changes, "fallbacks")
    assert "pkg/latin.py:1" in str(refused.value)
    assert snapshot(root) == before
    assert not (root / ".plexilint").exists()


def test_non_python_files_are_not_parsed(root):
    run = apply_changes(root, {root / "pkg" / "notes.txt": b"still {{{ not python\n"}, "docs")
    assert [record.path for record in run.files] == ["pkg/notes.txt"]


@pytest.mark.parametrize("target", ["outside", "dotdot", "symlink", "state"])
def test_paths_outside_the_root_are_refused(root, tmp_path, target):
    outside = tmp_path / "elsewhere.py"
    outside.write_bytes(b"x = 1\n")
    (root / "pkg" / "link.py").symlink_to(outside)
    path = {"outside": outside, "dotdot": root / ".." / "elsewhere.py", "symlink": root / "pkg" / "link.py",
            "state": root / ".plexilint" / "history.json"}[target]
    before = snapshot(root)
    with pytest.raises(FixRefused):
        apply_changes(root, {root / "pkg" / "latin.py": b"x = 2\n", path: b"x = 3\n"}, "p")
    assert outside.read_bytes() == b"x = 1\n"
    assert snapshot(root) == before


def test_a_write_failing_midway_puts_every_file_back(root, monkeypatch):
    before = snapshot(root)
    real_replace = os.replace
    second = str(root / "pkg" / "latin.py")  # files are written in path order: crlf, latin, tool, utils/

    def failing_replace(source, destination):
        if str(destination) == second:
            raise OSError(28, "No space left on device")
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(FixFailed) as failed:
        apply_changes(root, changes_for(root), "fallbacks")
    monkeypatch.undo()
    assert "put back" in str(failed.value)
    assert snapshot(root) == before  # no temporary file left, the created directory removed
    (run,) = list_runs(root)
    assert run.status == FAILED
    with pytest.raises(FixRefused):
        rollback(root)  # a failed run is not the default target: its files are already back


def test_rollback_refuses_a_file_edited_after_the_fix_and_force_restores_it(root, cli):
    before = snapshot(root)
    run = apply_changes(root, changes_for(root), "fallbacks")
    (root / "pkg" / "tool.py").write_bytes(b"print('edited by hand')\n")
    (root / "pkg" / "crlf.py").unlink()
    status, out, err = cli("rollback", root)
    assert status == 2 and out == ""
    assert "pkg/tool.py" in err and "pkg/crlf.py" in err and "--force" in err
    assert (root / "pkg" / "tool.py").read_bytes() == b"print('edited by hand')\n"  # nothing restored
    assert (root / "pkg" / "latin.py").read_bytes() == LATIN1 + b"VERSION = '1'\n"
    status, out, _ = cli("rollback", "--force", root)
    assert status == 0 and "pkg/tool.py" in out
    assert snapshot(root) == before
    kept = backups_directory(root) / run.run_id / "overwritten" / "pkg" / "tool.py"
    assert kept.read_bytes() == b"print('edited by hand')\n"


def test_a_corrupt_backup_is_refused_even_with_force(root, cli):
    run = apply_changes(root, changes_for(root), "fallbacks")
    (run.directory / "files" / "pkg" / "latin.py").write_bytes(b"tampered\n")
    after = snapshot(root)
    for arguments in (("rollback", root), ("rollback", "--force", root)):
        status, _, err = cli(*arguments)
        assert status == 2
        assert "pkg/latin.py" in err and "corrupt" in err
    assert snapshot(root) == after
    assert read_manifest(root, run.run_id)["status"] == APPLIED


def test_rolling_back_an_older_run_while_a_newer_one_is_applied_is_refused(root, cli):
    original = snapshot(root)
    older = apply_changes(root, {root / "pkg" / "a.py": b"a = 1\n"}, "one")
    newer = apply_changes(root, {root / "pkg" / "b.py": b"b = 1\n"}, "two")
    status, _, err = cli("rollback", older.run_id, root)
    assert status == 2 and newer.run_id in err and "later runs" in err
    assert (root / "pkg" / "a.py").exists()
    status, out, _ = cli("rollback", root)  # the newest first
    assert status == 0 and newer.run_id in out
    # A unique prefix is enough: one character past where the two run ids differ (both may
    # start with the same second).
    differs = next(i for i, (a, b) in enumerate(zip(older.run_id, newer.run_id)) if a != b)
    status, _, _ = cli("rollback", older.run_id[: differs + 1], root)
    assert status == 0
    assert snapshot(root) == original
    assert [r.status for r in list_runs(root)] == [ROLLED_BACK, ROLLED_BACK]
    status, _, err = cli("rollback", older.run_id, root)
    assert status == 2 and "already rolled back" in err


def test_an_interrupted_run_rolls_back_the_files_it_wrote(root):
    before = snapshot(root)
    run = apply_changes(root, changes_for(root), "fallbacks")
    manifest = read_manifest(root, run.run_id)
    manifest["status"] = "applying"  # as if the process died after writing some files
    (run.directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (root / "pkg" / "tool.py").write_bytes(SCRIPT)  # not written yet when it died
    (root / "pkg" / "utils" / "fallbacks.py").unlink()
    result = rollback(root)
    assert sorted(result.already_original) == ["pkg/tool.py", "pkg/utils/fallbacks.py"]
    assert snapshot(root) == before


def test_list_runs_and_the_cli_listing(root, cli):
    first = apply_changes(root, changes_for(root), "fallbacks")
    second = apply_changes(root, {root / "pkg" / "a.py": b"a = 1\n"}, "versions")
    rollback(root)
    runs = list_runs(root)
    assert [(r.run_id, r.phase, r.status, r.files) for r in runs] == [
        (first.run_id, "fallbacks", APPLIED, 4), (second.run_id, "versions", ROLLED_BACK, 1)]
    assert runs[0].created_at <= runs[1].created_at
    status, out, _ = cli("rollback", "--list", root)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["RUN", "ID", "TIME", "(UTC)", "PHASE", "STATUS", "FILES"]
    assert lines[1].startswith(first.run_id) and lines[2].startswith(second.run_id)


def test_rollback_without_any_run_exits_2(root, cli):
    status, _, err = cli("rollback", root)
    assert status == 2 and "no applied fix run" in err
    status, out, _ = cli("rollback", "--list", root)
    assert status == 0 and "No fix runs" in out


def test_rollback_from_inside_the_project_finds_its_root(root, cli, monkeypatch):
    before = snapshot(root)
    run = apply_changes(root, changes_for(root), "fallbacks")
    monkeypatch.chdir(root / "pkg")
    status, out, _ = cli("rollback", run.run_id)
    assert status == 0 and run.run_id in out
    assert snapshot(root) == before


@pytest.mark.parametrize("arguments", [["--list", "/nonexistent"], ["--list", "no-such-folder"],
                                       ["no/such/folder"]])
def test_rollback_given_a_missing_path_exits_2_naming_it(root, cli, arguments):
    """`--list PATH` and a path-like argument are never taken for a run id of the current
    directory: a missing one is an error, not "No fix runs in <cwd>"."""
    status, out, err = cli("rollback", *arguments)
    assert status == 2 and "no such file or directory" in err and arguments[-1] in err and not out
