"""Reading git history (never writing it): churn per file, the lines each commit touched, and
which lines changed since a commit.

Every call runs `git` without a shell, in the repository that holds the analysed project;
when git is missing or the project is not in a repository, the callers get ``None`` and say so.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from plexilint.vcs.unified_diff import changed_lines



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


_COMMIT_MARKER = re.compile(r"^@([0-9a-f]{40})$")
_HUNK_RANGES = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
Hunk = tuple[int, int, int, int]  # old start, old count, new start, new count (`git diff -U0`)


def lines_touched_per_commit(repository: Path, path: Path, since: date) -> dict[str, frozenset[int]] | None:
    """For each commit since ``since`` that touched ``path`` (the repository's first commit
    included), the lines of the file as it is now on disk that the commit added, changed or
    removed lines next to. A line a commit changed that a later one rewrote counts for both;
    a line later deleted counts for neither. None when git cannot read the file's history."""
    try:
        log = _git(repository, "log", f"--since={since.isoformat()}", "--no-merges", "--root", "--no-renames",
                   "--reverse", "--format=@%H", "--raw", "--no-abbrev", "--patch", "--unified=0", "--no-color",
                   "--no-ext-diff", "--no-textconv", "--", str(path))
        commits = _parse_file_log(log)
        if not commits:
            return {}
        if _is_one_chain(commits):  # each commit starts from the previous one's version: follow them in turn
            return _follow_chain(commits, _hunks_since(repository, commits[-1].sha, path))
        # Merged branches: each commit's version against the file on disk, one at a time.
        return {commit.sha: frozenset(_follow(_lines_of(commit.hunks), _hunks_since(repository, commit.sha, path)))
                for commit in commits}
    except (OSError, GitError):
        return None


@dataclass
class _FileCommit:
    sha: str
    before: str = ""  # the file's blob before the commit ("0" * 40 when it adds the file)
    after: str = ""  # and after it
    hunks: list[Hunk] = field(default_factory=list)


def _parse_file_log(output: str) -> list[_FileCommit]:
    """``git log --format=@%H --raw --no-abbrev --patch -U0`` of one file, in log order."""
    commits: list[_FileCommit] = []
    for line in output.splitlines():
        marker = _COMMIT_MARKER.match(line)
        if marker:
            commits.append(_FileCommit(marker.group(1)))
        elif not commits:
            continue
        elif line.startswith(":"):  # ":100644 100644 <before> <after> M\tpath"
            fields = line.split("\t", 1)[0].split()
            if len(fields) >= 4:
                commits[-1].before, commits[-1].after = fields[2], fields[3]
        else:
            match = _HUNK_RANGES.match(line)
            if match:
                old, old_count, new, new_count = match.groups()
                commits[-1].hunks.append((int(old), int(old_count or "1"), int(new), int(new_count or "1")))
    return commits


def _is_one_chain(commits: list[_FileCommit]) -> bool:
    return all(later.before == earlier.after for earlier, later in zip(commits, commits[1:]))


def _follow_chain(commits: list[_FileCommit], to_disk: list[Hunk]) -> dict[str, frozenset[int]]:
    """Oldest first: each commit's lines, moved through every later commit and then to disk."""
    touched: dict[str, set[int]] = {}
    for commit in commits:
        for sha, lines in touched.items():
            touched[sha] = _follow(lines, commit.hunks)
        touched[commit.sha] = _lines_of(commit.hunks)
    return {sha: frozenset(_follow(lines, to_disk)) for sha, lines in touched.items()}


def _hunks_since(repository: Path, commit: str, path: Path) -> list[Hunk]:
    """The hunks from the file as ``commit`` left it to the file on disk."""
    diff = _git(repository, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames",
                commit, "--", str(path))
    return _parse_file_log("@" + commit + "\n" + diff)[0].hunks


def _lines_of(hunks: list[Hunk]) -> set[int]:
    """The lines of the new side a commit touched; a removal touches the line before the gap."""
    lines: set[int] = set()
    for _, _, new, new_count in hunks:
        lines.update(range(new, new + new_count) if new_count else (max(new, 1),))
    return lines


def _follow(lines: set[int], hunks: list[Hunk]) -> set[int]:
    """Where ``lines`` of an old version are in the new one, given the old->new hunks (in
    order): shifted past earlier hunks, replaced by what replaced them, gone if removed."""
    moved: set[int] = set()
    for line in lines:
        delta = 0
        for old, old_count, new, new_count in hunks:
            if old_count and old <= line < old + old_count:
                moved.update(range(new, new + new_count))
                break
            if (old + old_count - 1 if old_count else old) >= line:
                moved.add(line + delta)  # this hunk and the next ones are further down
                break
            delta += new_count - old_count
        else:
            moved.add(line + delta)
    return moved


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
        if not lines:
            return False
        return any(first <= line <= last for line in lines)


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
