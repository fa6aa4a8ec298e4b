"""Disk full during `fix --apply` and `rollback`: ENOSPC injected at each write in turn. Every
time: a clear message and exit 2, no traceback, the project files as they were (or as fixed, when
only the last bookkeeping failed and was undone), no run left "applying"."""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path

from conftest import write_project
from plexilint.adapters.cli import main
from stub_projects import DUPLICATED_STUBS


def project_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.relative_to(root).as_posix().startswith(".plexilint")}


class DiskFull:
    """Fails the ``fail_at``-th file opened for writing under ``root`` with ENOSPC (0: none);
    counts them all."""

    def __init__(self, monkeypatch, root: Path, fail_at: int, stays_full: bool = False) -> None:
        self.root, self.fail_at, self.count, self.stays_full = str(root), fail_at, 0, stays_full
        real_os_open, real_open = os.open, builtins.open

        def os_open(path, flags, *args, **kwargs):
            if flags & os.O_CREAT:
                self._maybe_fail(path)
            return real_os_open(path, flags, *args, **kwargs)

        def open_(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wxa"):
                self._maybe_fail(file)
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(builtins, "open", open_)

    def _maybe_fail(self, path) -> None:
        # The facts cache is best effort (a write it cannot make is skipped, tested in
        # test_cache.py): the writes that count here are the fix's own.
        if not os.fspath(path).startswith(self.root) or "/.plexilint_cache/" in os.fspath(path):
            return
        self.count += 1
        if self.count == self.fail_at or (self.stays_full and 0 < self.fail_at <= self.count):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(path))


def fresh(tmp_path: Path, name: str) -> Path:
    return write_project(tmp_path / name, DUPLICATED_STUBS, "").resolve()


def manifests(root: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((root / ".plexilint" / "backups").glob("*/manifest.json"))]


def count_writes(tmp_path: Path, monkeypatch, capsys, *commands: list[str]) -> int:
    root = fresh(tmp_path, "count")
    for command in commands[:-1]:
        assert main([*command, str(root)]) in (0, 1)
    counter = DiskFull(monkeypatch, root, 0)
    assert main([*commands[-1], str(root)]) == 0
    monkeypatch.undo()
    capsys.readouterr()
    return counter.count


def test_disk_full_at_each_write_of_fix_apply(tmp_path, monkeypatch, capsys):
    writes = count_writes(tmp_path, monkeypatch, capsys, ["fix", "--apply"])
    assert writes >= 5  # backups, manifest, project files, manifest again, history
    for fail_at in range(1, writes + 1):
        root = fresh(tmp_path, f"at{fail_at}")
        before = project_files(root)
        DiskFull(monkeypatch, root, fail_at)
        status = main(["fix", "--apply", str(root)])
        monkeypatch.undo()
        out, err = capsys.readouterr()
        assert status == 2, (fail_at, out, err)
        assert "No space left on device" in err and "Traceback" not in err, (fail_at, err)
        assert project_files(root) == before, fail_at
        assert all(m["status"] != "applying" for m in manifests(root)), fail_at
        # Recoverable: with space again, the same fix goes through.
        assert main(["fix", "--apply", str(root)]) == 0, (fail_at, capsys.readouterr())
        capsys.readouterr()


def test_disk_full_at_each_write_of_rollback(tmp_path, monkeypatch, capsys):
    writes = count_writes(tmp_path, monkeypatch, capsys, ["fix", "--apply"], ["rollback"])
    for fail_at in range(1, writes + 1):
        root = fresh(tmp_path, f"rb{fail_at}")
        original = project_files(root)
        assert main(["fix", "--apply", str(root)]) == 0
        capsys.readouterr()
        DiskFull(monkeypatch, root, fail_at)
        status = main(["rollback", str(root)])
        monkeypatch.undo()
        out, err = capsys.readouterr()
        assert status == 2, (fail_at, out, err)
        assert "No space left on device" in err and "Traceback" not in err, (fail_at, err)
        # Running it again with space finishes the job, byte for byte.
        assert main(["rollback", str(root)]) == 0, (fail_at, capsys.readouterr())
        assert project_files(root) == original, fail_at
        capsys.readouterr()


def test_a_disk_that_stays_full_from_each_write_on(tmp_path, monkeypatch, capsys):
    """From the k-th write on nothing can be written, the failure handler's own writes included:
    the message says what could not be put back, and once there is space `rollback` (or nothing,
    when nothing was changed) brings every file back."""
    writes = count_writes(tmp_path, monkeypatch, capsys, ["fix", "--apply"])
    for fail_at in range(1, writes + 1):
        root = fresh(tmp_path, f"full{fail_at}")
        before = project_files(root)
        DiskFull(monkeypatch, root, fail_at, stays_full=True)
        status = main(["fix", "--apply", str(root)])
        monkeypatch.undo()
        out, err = capsys.readouterr()
        assert status == 2 and "No space left on device" in err and "Traceback" not in err, (fail_at, err)
        live = [m for m in manifests(root) if m["status"] in ("applying", "applied")]
        if project_files(root) != before:
            assert live and "rollback" in err, (fail_at, err)
        if live:
            assert main(["rollback", str(root)]) == 0, (fail_at, capsys.readouterr())
        assert project_files(root) == before, fail_at
        capsys.readouterr()
