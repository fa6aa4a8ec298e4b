"""The one way a fix writes files: originals backed up first, atomic writes, and rollback.

Layout, under the project root::

    .plexilint/backups/<run-id>/manifest.json     what the run changed, with SHA-256 before/after
    .plexilint/backups/<run-id>/files/<relpath>   each original, byte for byte
    .plexilint/backups/<run-id>/overwritten/...   edits made after the fix that `rollback --force`
                                                   replaced (kept so --force loses nothing)

A run's manifest is written before any project file is touched, with status "applying", and
becomes "applied" once every file is written; "failed" when a write failed and the files were put
back; "rolled-back" after `rollback`. A run left in "applying" was interrupted: rollback handles it
(files still holding their original bytes are simply left alone).
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from plexilint import __version__
from plexilint.consolidation.atomic import (
    ChangedOnDisk, replace_if_unchanged, sha256_hex, write_atomic, write_json_atomic,
)
from plexilint.consolidation.history import load_history, mark_rolled_back
from plexilint.consolidation.state import STATE_DIRECTORY, ensure_state_directory, state_path
from plexilint.consolidation.temporaries import remove_leftover_temporaries, temporary_directory

__all__ = [
    "APPLIED", "APPLYING", "FAILED", "ROLLED_BACK", "FileRecord", "FixError", "FixFailed", "FixRefused",
    "FixRun", "RollbackResult", "RunSummary", "apply_changes", "backups_directory", "list_runs",
    "read_manifest", "rollback", "sha256_hex",
]

APPLYING, APPLIED, FAILED, ROLLED_BACK = "applying", "applied", "failed", "rolled-back"
_LIVE = (APPLIED, APPLYING)  # runs whose changes may still be in the files
_MANIFEST = "manifest.json"
_FILES = "files"
_OVERWRITTEN = "overwritten"
_PYTHON_SUFFIXES = (".py", ".pyi")


class FixError(Exception):
    """A fix or rollback that did not happen as asked. ``details`` lists the files (or runs)
    concerned; ``hint`` says what the user can do."""

    def __init__(self, reason: str, details: Sequence[str] = (), hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = list(details)
        self.hint = hint

    def __str__(self) -> str:
        lines = [self.reason, *(f"  {detail}" for detail in self.details)]
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)


class FixRefused(FixError):
    """Refused before anything was written: the project files are as they were."""


class FixFailed(FixError):
    """A write failed midway; the files already written were put back (the message says which
    could not be, if any)."""


@dataclass(frozen=True)
class FileRecord:
    """One file of a run, as the manifest stores it."""
    path: str  # relative to the project root, POSIX separators
    sha256_before: str | None  # None: the run created the file
    sha256_after: str
    created: bool
    mode: int | None  # the original's permission bits; None for a created file

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256_before": self.sha256_before, "sha256_after": self.sha256_after,
                "created": self.created, "mode": self.mode}


@dataclass(frozen=True)
class FixRun:
    run_id: str
    phase: str
    created_at: str  # ISO 8601, UTC
    files: tuple[FileRecord, ...]
    directory: Path  # .plexilint/backups/<run-id>


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    phase: str
    created_at: str
    status: str
    files: int


@dataclass
class RollbackResult:
    run_id: str
    phase: str
    restored: list[str] = field(default_factory=list)  # originals written back
    deleted: list[str] = field(default_factory=list)  # files the run had created
    already_original: list[str] = field(default_factory=list)  # nothing to do (interrupted run)
    overwritten: list[str] = field(default_factory=list)  # edited after the fix; replaced by --force
    saved_to: Path | None = None  # where those edits were kept


@dataclass(frozen=True)
class _Change:
    path: Path  # absolute, symlinks resolved
    relpath: str
    new: bytes
    old: bytes | None  # None: the file does not exist yet
    mode: int | None


def backups_directory(root: Path) -> Path:
    return state_path(root) / "backups"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _project_root(root: Path) -> Path:
    root = Path(root).resolve()
    if not root.is_dir():
        raise FixRefused(f"project root {root} is not a directory")
    return root


def _relative_inside(root: Path, path: Path) -> str | None:
    """``path`` relative to ``root`` once symlinks are resolved, or None if it is outside."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


# -- applying ---------------------------------------------------------------------------------

def _plan_one(root: Path, key: Path, content: bytes, expected: dict[Path, bytes | None]) -> _Change:
    if not isinstance(content, bytes):
        raise TypeError(f"new content for {key} must be bytes, not {type(content).__name__}")
    path = (root / key).resolve()
    relpath = _relative_inside(root, path)
    if relpath is None or relpath == ".":
        raise FixRefused(f"refusing to write outside the project root {root}", [str(key)])
    if relpath.split("/", 1)[0] == STATE_DIRECTORY:
        raise FixRefused(f"refusing to write inside {STATE_DIRECTORY}/ (plexilint's own backups)", [relpath])
    if path.is_dir():
        raise FixRefused("refusing to replace a directory with a file", [relpath])
    current = path.read_bytes() if path.exists() else None
    if Path(key) in expected and expected[Path(key)] != current:
        raise FixRefused("refusing the whole fix: a file changed after it was analysed (nothing was written)",
                         [relpath], "run the fix again: it will start from the files as they are now")
    if current is None:
        return _Change(path, relpath, content, None, None)
    return _Change(path, relpath, content, current, path.stat().st_mode & 0o7777)


def _plan(root: Path, changes: dict[Path, bytes], expected: dict[Path, bytes | None]) -> list[_Change]:
    planned: dict[Path, _Change] = {}
    expected = {Path(key): data for key, data in expected.items()}
    for key, content in changes.items():
        change = _plan_one(root, Path(key), content, expected)
        if change.path in planned and planned[change.path].new != change.new:
            raise FixRefused("two different contents for the same file (a symlink?)", [change.relpath])
        if change.new != change.old:  # unchanged files are not part of the run
            planned[change.path] = change
    return sorted(planned.values(), key=lambda c: c.relpath)


def _refuse_unparsable(planned: list[_Change]) -> None:
    problems = []
    for change in planned:
        if not change.relpath.endswith(_PYTHON_SUFFIXES):
            continue
        try:
            ast.parse(change.new, filename=change.relpath)
        except SyntaxError as error:
            problems.append(f"{change.relpath}:{error.lineno or 0}: {error.msg}")
        except ValueError as error:  # e.g. a null byte
            problems.append(f"{change.relpath}: {error}")
    if problems:
        raise FixRefused("refusing the whole fix: the new content would not parse (nothing was written)",
                         problems, "this is a bug in the fix; please report it with the file")


def _new_run_directory(root: Path) -> tuple[str, datetime, Path]:
    parent = ensure_state_directory(root) / "backups"
    parent.mkdir(exist_ok=True)
    while True:
        moment = _now()
        run_id = f"{moment.strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(2)}"
        try:
            (parent / run_id).mkdir()
        except FileExistsError:
            continue  # same second, same suffix: draw again
        return run_id, moment, parent / run_id


def _write_backup(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _directories_to_create(root: Path, planned: list[_Change]) -> list[str]:
    """Missing parent directories of created files, shallowest first (rollback removes them)."""
    missing: set[Path] = set()
    for change in planned:
        parent = change.path.parent
        while parent != root and not parent.exists():
            missing.add(parent)
            parent = parent.parent
    return sorted((p.relative_to(root).as_posix() for p in missing), key=lambda r: (r.count("/"), r))


def _record(change: _Change) -> FileRecord:
    before = None if change.old is None else sha256_hex(change.old)
    return FileRecord(change.relpath, before, sha256_hex(change.new), change.old is None, change.mode)


def _undo(root: Path, written: list[_Change], directories: list[str], directory: Path) -> list[str]:
    """Puts back what a failed run wrote, each file only while it still holds what the run wrote
    (an edit made since is kept); returns the files it could not put back."""
    problems = []
    for change in reversed(written):
        try:
            if change.old is None:
                _delete_if_unchanged(change)
            else:
                replace_if_unchanged(change.path, change.new, change.old, change.mode, temporary_directory(root))
        except ChangedOnDisk as error:
            note = (f"{change.relpath}: edited after the fix wrote it; left with that edit (its original is in "
                    f"{directory / _FILES})")
            if error.unplaced is not None:  # an earlier edit it displaced is saved too
                note += f"; {_changed_while_writing(error, root, directory)}"
            problems.append(note)
        except OSError as error:
            problems.append(f"{change.relpath}: {error}")
    _remove_empty_directories(root, directories)
    return problems


def _delete_if_unchanged(change: _Change) -> None:
    try:
        current = change.path.read_bytes()
    except FileNotFoundError:
        return
    if current != change.new:
        raise ChangedOnDisk(change.path, "edited")
    change.path.unlink(missing_ok=True)


def _remove_empty_directories(root: Path, directories: list[str]) -> None:
    for relpath in reversed(directories):  # deepest first
        if not _is_project_path(root, relpath):
            continue  # a hand-edited manifest: never touch anything outside the project
        with contextlib.suppress(OSError):  # not empty any more: someone put files there
            (root / relpath).rmdir()


def _is_project_path(root: Path, relpath: object) -> bool:
    """Whether a manifest's path names something inside the project (not the root itself, not
    plexilint's own state, no `..` or absolute path, no symlink out)."""
    if not isinstance(relpath, str) or not relpath or relpath.startswith("/") or "\\" in relpath:
        return False
    if any(part in ("", ".", "..") for part in relpath.split("/")):
        return False
    if relpath.split("/", 1)[0] == STATE_DIRECTORY:
        return False
    return _relative_inside(root, root / relpath) == relpath


def _changed_while_writing(error: ChangedOnDisk, root: Path, directory: Path) -> str:
    relpath = _relative_inside(root, error.path) or str(error.path)
    message = f"{relpath} was {error.detail}"
    if error.unplaced is not None:  # never lost: kept beside the backups
        saved = directory / _OVERWRITTEN / relpath
        with contextlib.suppress(OSError):
            _write_backup_replacing(saved, error.unplaced)
            message += f"; the earlier edit is saved in {saved}"
    return message


def _fail(root: Path, planned_written: list[_Change], manifest: dict[str, Any], directory: Path,
          error: BaseException) -> FixFailed:
    """Undoes a run that could not finish, records it as failed, and says what happened."""
    problems = _undo(root, planned_written, manifest["directories_created"], directory)
    if isinstance(error, ChangedOnDisk):
        cause = _changed_while_writing(error, root, directory)
    else:
        cause = f"{type(error).__name__}: {error}"
    manifest.update(status=FAILED, error=cause)
    try:
        write_json_atomic(directory / _MANIFEST, manifest)
    except OSError:
        if not problems:  # every file is back: the run has nothing left to roll back
            shutil.rmtree(directory, ignore_errors=True)
        # else the manifest stays "applying", which is what rollback needs to finish the job
    if problems:
        return FixFailed(f"the fix stopped ({cause}); these files could not be put back, their originals are "
                         f"in {directory / _FILES}", problems,
                         f"`plexilint rollback {manifest['run_id']}` restores them once the cause is fixed")
    if isinstance(error, ChangedOnDisk):
        return FixFailed(f"{cause} while the fix was being written, so it stopped: every file it wrote was put "
                         "back and the edit kept; nothing else changed",
                         hint="run the fix again once nobody is editing these files")
    return FixFailed(f"writing failed ({cause}); every file was put back as it was")


def _write_project_files(root: Path, planned: list[_Change], manifest: dict[str, Any], directory: Path) -> None:
    written: list[_Change] = []
    temporary = temporary_directory(root)
    try:
        for change in planned:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            # Compare-and-swap: written only while the file still holds what the fix was computed from.
            replace_if_unchanged(change.path, change.old, change.new, change.mode, temporary)
            written.append(change)
        manifest.update(status=APPLIED, applied_at=_iso(_now()))
        write_json_atomic(directory / _MANIFEST, manifest)
    except BaseException as error:
        failure = _fail(root, written, manifest, directory, error)
        if not isinstance(error, Exception):
            raise  # KeyboardInterrupt and the like: files are back, let it through
        raise failure from error


def _write_backups(root: Path, planned: list[_Change], manifest: dict[str, Any], directory: Path) -> None:
    """Every original and the manifest ("applying"), before any project file is touched. Disk
    full or any other failure: the run directory is removed and nothing was changed."""
    try:
        for change in planned:
            if change.old is not None:
                _write_backup(directory / _FILES / change.relpath, change.old)
        write_json_atomic(directory / _MANIFEST, manifest)
    except OSError as error:
        shutil.rmtree(directory, ignore_errors=True)
        raise FixRefused(f"could not write the backups ({error}); nothing was changed",
                         hint="free some space (or fix the permissions) and run the fix again") from None


def apply_changes(root: Path, changes: dict[Path, bytes], phase: str,
                  expected: dict[Path, bytes | None] | None = None) -> FixRun | None:
    """Writes ``changes`` (absolute path inside ``root`` -> new bytes; a missing file is created).

    Paths are resolved (a relative one against ``root``; a symlink to its target inside the
    root) and recorded relative to the root, in path order, which is also the write order.
    ``expected`` gives, for some paths, the bytes their new content was computed from (None:
    the file did not exist); a file that differs now is refused before anything is written.

    Each file is replaced only while it still holds the bytes read for its backup (compare-and-
    swap): an edit made while the fix runs stops it, every file it wrote is put back, and the
    edit is kept. Returns None when no content differs from what is on disk: no run is created,
    so a second identical fix leaves no trace. Raises FixRefused (nothing written) for a path
    outside the root, new Python content that does not parse, a file changed since it was
    analysed, or backups that cannot be written; FixFailed when a write failed or a file changed
    midway (the files written are restored and the run is marked "failed").
    """
    root = _project_root(root)
    planned = _plan(root, changes, expected or {})
    if not planned:
        return None
    _refuse_unparsable(planned)
    remove_leftover_temporaries(root, sorted({change.path.parent for change in planned}))
    try:
        run_id, moment, directory = _new_run_directory(root)
    except OSError as error:
        raise FixRefused(f"could not create the backup directory ({error}); nothing was changed") from None
    records = tuple(_record(change) for change in planned)
    manifest: dict[str, Any] = {  # as written to the run's manifest.json
        "run_id": run_id, "phase": phase, "created_at": _iso(moment), "plexilint": __version__,
        "files": [record.to_json() for record in records],
        "directories_created": _directories_to_create(root, planned), "status": APPLYING,
    }
    _write_backups(root, planned, manifest, directory)  # rollback can find the run from here on
    _write_project_files(root, planned, manifest, directory)
    return FixRun(run_id, phase, manifest["created_at"], records, directory)


# -- reading runs -----------------------------------------------------------------------------

def _load_manifests(root: Path) -> list[dict[str, Any]]:
    """Every run's manifest, oldest first. A directory without a manifest is a run interrupted
    before it touched any project file: ignored."""
    parent = backups_directory(root)
    manifests = []
    for path in sorted(parent.glob(f"*/{_MANIFEST}")) if parent.is_dir() else []:
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise FixRefused(f"cannot read the manifest {path}: {error}",
                             hint="repair or remove that run directory") from None
        if not isinstance(manifest, dict) or not {"run_id", "files", "status"} <= manifest.keys():
            raise FixRefused(f"the manifest {path} is not a plexilint manifest",
                             hint="repair or remove that run directory")
        if manifest["run_id"] != path.parent.name or not isinstance(manifest["files"], list):
            # The run id names the directory rollback writes to: it must be this one.
            raise FixRefused(f"the manifest {path} does not belong to its run directory (run id "
                             f"{manifest['run_id']!r})", hint="repair or remove that run directory")
        manifests.append(manifest)
    return sorted(manifests, key=lambda m: (m.get("created_at", ""), m["run_id"]))


def read_manifest(root: Path, run_id: str) -> dict[str, Any]:
    """The manifest of one run (exact id), as stored."""
    for manifest in _load_manifests(_project_root(root)):
        if manifest["run_id"] == run_id:
            return manifest
    raise FixRefused(f"no fix run {run_id!r}", hint="`plexilint rollback --list` lists the runs")


def list_runs(root: Path) -> list[RunSummary]:
    """Every fix run of the project, oldest first."""
    return [RunSummary(m["run_id"], m.get("phase", ""), m.get("created_at", ""), m["status"], len(m["files"]))
            for m in _load_manifests(_project_root(root))]


# -- rolling back -----------------------------------------------------------------------------

def _latest_live(manifests: list[dict[str, Any]]) -> dict[str, Any]:
    live = [m for m in manifests if m["status"] in _LIVE]
    if not live:
        raise FixRefused("there is no applied fix run to roll back",
                         hint="`plexilint rollback --list` lists the runs")
    return live[-1]


def _matching(manifests: list[dict[str, Any]], run_id: str) -> list[dict[str, Any]]:
    exact = [m for m in manifests if m["run_id"] == run_id]
    return exact or [m for m in manifests if m["run_id"].startswith(run_id)]  # a unique prefix will do


def _select_run(manifests: list[dict[str, Any]], run_id: str | None) -> dict[str, Any]:
    if run_id is None:
        return _latest_live(manifests)
    matches = _matching(manifests, run_id)
    if len(matches) != 1:
        reason = f"run id {run_id!r} is ambiguous" if matches else f"no fix run {run_id!r}"
        raise FixRefused(reason, [m["run_id"] for m in matches], "`plexilint rollback --list` lists the runs")
    if matches[0]["status"] == ROLLED_BACK:
        raise FixRefused(f"run {matches[0]['run_id']} was already rolled back; nothing to do")
    return matches[0]


def _refuse_if_superseded(manifests: list[dict[str, Any]], manifest: dict[str, Any]) -> None:
    later = manifests[manifests.index(manifest) + 1:]
    newer = [m["run_id"] for m in later if m["status"] in _LIVE]
    if newer:
        raise FixRefused(
            f"run {manifest['run_id']} is not the latest applied run: these later runs may have rewritten "
            "the same files, and restoring older originals would undo them too", newer,
            "roll back the later runs first (newest first), or re-run with --force")


def _current_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _classify(root: Path, records: list[FileRecord], seen: dict[str, bytes | None]) -> dict[str, list[FileRecord]]:
    """Splits a run's files into those to restore, those already original and those modified
    (or deleted) since the fix; ``seen`` receives the bytes each file held when it was looked at."""
    groups: dict[str, list[FileRecord]] = {"restore": [], "original": [], "modified": []}
    for record in records:
        if not _is_project_path(root, record.path):
            raise FixRefused("the manifest names a path outside the project root", [str(record.path)])
        current = seen[record.path] = _current_bytes(root / record.path)
        digest = None if current is None else sha256_hex(current)
        if digest == record.sha256_after:
            groups["restore"].append(record)
        elif digest == record.sha256_before:  # both None for a created file that is gone
            groups["original"].append(record)
        else:
            groups["modified"].append(record)
    return groups


def _verified_backups(directory: Path, records: list[FileRecord]) -> dict[str, bytes]:
    """The backup copies, each checked against its manifest hash (a corrupt backup is never
    restored, not even with --force)."""
    backups, corrupt = {}, []
    for record in records:
        if record.created:
            continue
        path = directory / _FILES / record.path
        data = path.read_bytes() if path.is_file() else None
        if data is None or sha256_hex(data) != record.sha256_before:
            corrupt.append(f"{record.path} ({'missing' if data is None else 'SHA-256 mismatch'}: {path})")
        else:
            backups[record.path] = data
    if corrupt:
        raise FixRefused("refusing to roll back: backups of this run are missing or corrupt (nothing was "
                         "restored)", corrupt, "restore these files by hand (e.g. from git); --force does "
                         "not restore a corrupt backup")
    return backups


def _save_overwritten(root: Path, directory: Path, records: list[FileRecord]) -> Path | None:
    saved = directory / _OVERWRITTEN
    for record in records:
        current = _current_bytes(root / record.path)
        if current is not None:
            _write_backup_replacing(saved / record.path, current)
    return saved if records else None


def _write_backup_replacing(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


def _restore(root: Path, records: list[FileRecord], backups: dict[str, bytes], seen: dict[str, bytes | None],
             result: RollbackResult) -> None:
    """Puts each original back, each file only while it still holds what was seen when the
    rollback looked at it (compare-and-swap: an edit made meanwhile stops the rollback)."""
    temporary = temporary_directory(root)
    for record in records:
        path = root / record.path
        if record.created:
            if seen[record.path] is not None:
                if _current_bytes(path) != seen[record.path]:
                    raise ChangedOnDisk(path, "edited")
                path.unlink(missing_ok=True)
            result.deleted.append(record.path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)  # the user may have deleted it
            replace_if_unchanged(path, seen[record.path], backups[record.path], record.mode, temporary)
            result.restored.append(record.path)


def _records(manifest: dict[str, Any]) -> list[FileRecord]:
    try:
        return [FileRecord(f["path"], f["sha256_before"], f["sha256_after"], bool(f["created"]), f.get("mode"))
                for f in manifest["files"]]
    except (KeyError, TypeError, AttributeError):
        raise FixRefused(f"the manifest of run {manifest['run_id']} lists a file without its path or hashes",
                         hint="repair or remove that run directory") from None


def rollback(root: Path, run_id: str | None = None, force: bool = False) -> RollbackResult:
    """Restores the originals of a run (default: the latest applied one), byte for byte.

    Refused (FixRefused, nothing written) when a file changed since the fix or when a later run
    is still applied, unless ``force``; always refused when a backup does not match its hash.
    With ``force``, the edits it overwrites are kept under ``overwritten/`` in the run directory.
    The run's history step is marked rolled back and its mapping entries dropped.
    """
    root = _project_root(root)
    manifests = _load_manifests(root)
    manifest = _select_run(manifests, run_id)
    run_id = manifest["run_id"]
    if not force:
        _refuse_if_superseded(manifests, manifest)
    load_history(root)  # a corrupt history fails here, before any file is touched
    directory = backups_directory(root) / run_id
    records = _records(manifest)
    remove_leftover_temporaries(root, sorted({(root / r.path).parent for r in records
                                              if _is_project_path(root, r.path)}))
    seen: dict[str, bytes | None] = {}
    groups = _classify(root, records, seen)
    backups = _verified_backups(directory, groups["restore"] + groups["modified"])
    if groups["modified"] and not force:
        raise FixRefused(f"refusing to roll back run {run_id}: these files changed after the fix (or were "
                         "deleted); nothing was restored", [r.path for r in groups["modified"]],
                         "re-run with --force to restore them anyway (their current content is kept under "
                         f"{directory / _OVERWRITTEN})")
    result = RollbackResult(run_id, manifest.get("phase", ""))
    result.already_original = [r.path for r in groups["original"]]
    result.overwritten = [r.path for r in groups["modified"]]
    result.saved_to = _save_overwritten(root, directory, groups["modified"])
    try:
        _restore(root, groups["restore"] + groups["modified"], backups, seen, result)
    except ChangedOnDisk as error:
        raise FixFailed(f"rollback stopped: {error.path} was {error.detail} while it ran; that file was left "
                        "as edited. Restored so far:", result.restored + result.deleted,
                        f"run `plexilint rollback {run_id}` again once nobody is editing the files") from error
    except OSError as error:  # the run stays "applied": running rollback again finishes the job
        raise FixFailed(f"restoring failed ({error}); restored so far:", result.restored + result.deleted,
                        f"fix the cause and run `plexilint rollback {run_id}` again: files already "
                        "restored are recognised and skipped") from error
    _remove_empty_directories(root, manifest.get("directories_created", []))
    manifest.update(status=ROLLED_BACK, rolled_back_at=_iso(_now()), forced=bool(force))
    try:
        mark_rolled_back(root, run_id, manifest["rolled_back_at"])  # first: a re-run can still record it
        write_json_atomic(directory / _MANIFEST, manifest)
    except OSError as error:
        raise FixFailed(f"every file was restored, but the run could not be marked rolled back ({error})",
                        hint=f"run `plexilint rollback {run_id}` again once the cause is fixed: it only "
                        "records the rollback") from error
    return result
