"""The reference corpus (DESIGN.md, "Performance") and the derived corpora the rows run on.

Every corpus is a fresh directory holding copies of the .py files and an empty
``pyproject.toml``: plexilint treats that directory as one project, so neither the stdlib's
own configuration nor anything above the temp dir can change what is measured, and every
tool sees exactly the same files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

# DESIGN.md: the standard library without its tests. `test`/`tests` are skipped at any depth
# (ctypes/test, tkinter/test, distutils/tests, ...): that is what gives DESIGN.md's
# "about 660 files, 320k lines".
SKIPPED_NAMES = frozenset({"test", "tests", "__pycache__", "site-packages"})
SKIPPED_PATHS = frozenset({"idlelib/idle_test", "lib2to3", "site-packages"})


@dataclass(frozen=True)
class Corpus:
    """A directory of .py files that is one plexilint project."""

    root: Path
    files: tuple[str, ...]  # posix paths relative to root, sorted
    lines: int
    description: str

    @property
    def size(self) -> str:
        return f"{len(self.files)} files, {self.lines:,} lines"


def stdlib_root() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def source_files(source: Path) -> list[str]:
    """Relative posix paths of the .py files under ``source``, minus the skipped directories."""
    found = []
    for current, directories, names in os.walk(source):
        relative = Path(current).relative_to(source)
        directories[:] = sorted(
            d for d in directories
            if d not in SKIPPED_NAMES and (relative / d).as_posix() not in SKIPPED_PATHS
        )
        found.extend((relative / n).as_posix() for n in names if n.endswith(".py"))
    return sorted(found)


def package_files(source: Path, packages: tuple[str, ...]) -> list[str]:
    """Every .py file of the named top-level packages under ``source``, their tests included."""
    found = []
    for package in packages:
        for current, directories, names in os.walk(source / package):
            directories[:] = sorted(d for d in directories if d != "__pycache__")
            relative = Path(current).relative_to(source)
            found.extend((relative / n).as_posix() for n in names if n.endswith(".py"))
    return sorted(found)


def make_git_repository(corpus: Corpus) -> None:
    """Commits the corpus to a new git repository in place: `plexilint fix` refuses files with
    uncommitted changes, so its row needs a clean checkout (the other tools ignore .git)."""
    environment = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
                   "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", "corpus"]):
        subprocess.run(["git", *command], cwd=corpus.root, env=environment, check=True, capture_output=True)


def build(source: Path, files: list[str], destination: Path, description: str) -> Corpus:
    """Copy ``files`` (relative to ``source``) under ``destination`` and make it a project."""
    destination.mkdir(parents=True)
    (destination / "pyproject.toml").write_text("", encoding="utf-8")
    lines = 0
    for relative in files:
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, target)
        lines += _line_count(target)
    return Corpus(destination, tuple(sorted(files)), lines, description)


def subset(corpus: Corpus, files: list[str], destination: Path, description: str) -> Corpus:
    """A smaller corpus of its own (not a file list inside the big one): plexilint analyses
    the whole project a named file belongs to, so a list would not be a like-for-like subset."""
    return build(corpus.root, files, destination, description)


def first_files(corpus: Corpus, count: int) -> list[str]:
    return list(corpus.files[:count])


def files_smaller_than(corpus: Corpus, max_bytes: int) -> list[str]:
    return [f for f in corpus.files if (corpus.root / f).stat().st_size < max_bytes]


def replicated(corpus: Corpus, copies: int, destination: Path) -> Corpus:
    """``copies`` copies of the corpus as sub-packages ``copy1`` ... of one project: the
    scaling run (cost should grow linearly with lines of code)."""
    destination.mkdir(parents=True)
    (destination / "pyproject.toml").write_text("", encoding="utf-8")
    files = []
    for number in range(1, copies + 1):
        package = f"copy{number}"
        shutil.copytree(corpus.root, destination / package, ignore=shutil.ignore_patterns("pyproject.toml"))
        (destination / package / "__init__.py").write_text("", encoding="utf-8")
        files += [f"{package}/__init__.py", *(f"{package}/{f}" for f in corpus.files)]
    return Corpus(destination, tuple(sorted(files)), corpus.lines * copies,
                  f"{corpus.description}, copied {copies} times into sub-packages")


def tiny(destination: Path) -> Corpus:
    """A one-file project, for the warm-up runs."""
    destination.mkdir(parents=True)
    (destination / "pyproject.toml").write_text("", encoding="utf-8")
    (destination / "module.py").write_text("def double(x):\n    return 2 * x\n", encoding="utf-8")
    return Corpus(destination, ("module.py",), 2, "one small module")


def _line_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
