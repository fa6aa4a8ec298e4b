"""Reading git history (never writing it): churn per file, who last changed each line, and
which lines changed since a commit.

Every call runs `git` without a shell, in the repository that holds the analysed project;
when git is missing or the project is not in a repository, the callers get ``None`` and say so.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plexilint.vcs.unified_diff import changed_lines

_BLAME_HEADER = re.compile(r"^([0-9a-f]{40}) \d+ (\d+)(?: (\d+))?$")
_UNCOMMITTED = "0" * 40


class GitError(RuntimeError):
    """git ran but failed (e.g. an unknown revision)."""


@dataclass(frozen=True)
class FileChurn:
    commits: int  # commits that touched the file in the window
    lines_changed: int  # lines added plus lines deleted by those commits


# A repository's own configuration can name programs for git to run (an fsmonitor, hooks):
# plexilint only reads, so none of them runs, whoever made the repository.
_SAFE_CONFIG = ("-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}")


def git_command(repository: Path, *arguments: str) -> list[str]:
    """The argument list that runs ``git arguments`` in ``repository`` with nothing of the
    repository's configuration executed."""
    return ["git", "-C", str(repository), *_SAFE_CONFIG, *arguments]


def _git(repository: Path, *arguments: str) -> str:
    completed = subprocess.run(git_command(repository, *arguments), capture_output=True, text=True,
                               encoding="utf-8", errors="replace", check=False, stdin=subprocess.DEVNULL)
    if completed.returncode != 0:
        raise GitError(completed.stderr.strip() or f"git {arguments[0]} failed")
    return completed.stdout


def repository_root(path: Path) -> Path | None:
    """The top of the git work tree holding ``path``, or None without git or a repository."""
    try:
        return Path(_git(path, "rev-parse", "--show-toplevel").strip()).resolve()
    except (OSError, GitError):
        return None


def ignored_paths(directory: Path) -> frozenset[str] | None:
    """What git ignores under ``directory`` (untracked files and folders its ignore rules
    match, folders with a trailing ``/``), relative to it; None outside a work tree or without
    git."""
    try:
        listed = _git(directory, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "-z")
    except (OSError, GitError):
        return None
    return frozenset(name for name in listed.split("\0") if name)


def churn_since(repository: Path, since: date, within: Path) -> dict[Path, FileChurn]:
    """Commits and changed lines per file under ``within`` since ``since`` (renames are
    followed as new paths: the churn belongs to the file as it is named today)."""
    output = _git(repository, "log", f"--since={since.isoformat()}", "--no-merges", "--format=@%H",
                  "--numstat", "--no-renames", "--", str(within))
    commits: dict[Path, int] = {}
    lines: dict[Path, int] = {}
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue  # a commit marker or a blank separator
        added, deleted, name = parts
        path = (repository / name).resolve()
        commits[path] = commits.get(path, 0) + 1
        if added.isdigit() and deleted.isdigit():  # "-" for binary files
            lines[path] = lines.get(path, 0) + int(added) + int(deleted)
    return {path: FileChurn(count, lines.get(path, 0)) for path, count in commits.items()}


def last_commit_per_line(repository: Path, path: Path, since: date) -> dict[int, str] | None:
    """For each line of the committed file, the commit that last changed it within the window
    (lines last changed before ``since`` or not committed yet are left out); None when git
    cannot blame the file (untracked, say)."""
    try:
        output = _git(repository, "blame", "--porcelain", f"--since={since.isoformat()}", "--", str(path))
    except (OSError, GitError):
        return None
    owners: dict[int, str] = {}
    boundary: set[str] = set()
    current = ""
    for line in output.splitlines():
        match = _BLAME_HEADER.match(line)
        if match:
            current = match.group(1)
            owners[int(match.group(2))] = current
        elif line == "boundary":
            boundary.add(current)  # the commit where the window starts: older history
    return {number: sha for number, sha in owners.items() if sha not in boundary and sha != _UNCOMMITTED}


def uncommitted_files(repository: Path, paths: list[Path]) -> set[Path]:
    """The files among ``paths`` (files or directories) with staged or unstaged changes, or
    untracked, as resolved absolute paths; a fix refuses them unless the user insists, because
    git could not give their current content back. Raises GitError outside a repository."""
    if not paths:
        return set()
    top = Path(_git(repository, "rev-parse", "--show-toplevel").strip()).resolve()
    output = _git(top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                  *(str(Path(path).resolve()) for path in paths))
    # Entries are "XY path", NUL-terminated; a rename or copy is followed by its source path.
    # Porcelain paths are relative to the top of the work tree and never quoted with -z.
    dirty: set[Path] = set()
    entries = iter(output.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue  # the empty string after the last NUL
        dirty.add((top / entry[3:]).resolve())
        source = next(entries, "") if "R" in entry[:2] or "C" in entry[:2] else ""
        if source:
            dirty.add((top / source).resolve())
    return dirty


@dataclass(frozen=True)
class ChangedLines:
    """What changed in a work tree since a commit: lines per file, and files git does not
    track yet (every line of those counts as changed). Paths are absolute, posix form."""

    lines: dict[str, frozenset[int]]
    untracked: frozenset[str]

    def touches(self, path: str, first: int, last: int) -> bool:
        if path in self.untracked:
            return True
        lines = self.lines.get(path)
        return bool(lines) and any(first <= line <= last for line in lines)


def resolve_commit(repository: Path, ref: str) -> str:
    """The commit a user's ref names (branch, tag, sha, ``HEAD~2``); GitError if it names none."""
    if ref.startswith("-"):
        raise GitError(f"unknown revision {ref!r}")
    try:
        return _git(repository, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
    except GitError:
        raise GitError(f"unknown revision {ref!r}") from None


def changes_since(repository: Path, commit: str) -> ChangedLines:
    """Lines of the work tree (staged or not) that differ from ``commit``, plus untracked,
    not ignored files. Renames are followed, so a moved file counts only its edited lines."""
    top = Path(_git(repository, "rev-parse", "--show-toplevel").strip()).resolve()
    diff = _git(top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--unified=0", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", commit, "--")
    lines = {(top / name).as_posix(): frozenset(numbers) for name, numbers in changed_lines(diff).items()}
    listed = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    untracked = frozenset((top / name).as_posix() for name in listed.split("\0") if name)
    return ChangedLines(lines, untracked)
