"""A project kept in memory between analyses, for an editor: the saved files are discovered,
read and their facts extracted once (again only when told they changed); an analysis then
extracts the facts of the changed buffers alone and runs the rules that read one file on the
files asked about only. The findings are those `analyse_project` gives for the same contents."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import Any
from pathlib import Path

from plexilint.analysis.modules import distinct_module_names
from plexilint.config import Config
from plexilint.engine.cache import FactsCache
from plexilint.engine.discovery import discover_files
from plexilint.engine.extraction import FactsMemo, facts_for_sources
from plexilint.engine.index import DeclaredFiles, ProjectIndex
from plexilint.engine.facts import FileFacts
from plexilint.runner.project import declared_project_files, fact_kinds, findings_in, is_project_file
from plexilint.engine.sources import SourceFile, read_project_files, read_source
from plexilint.engine.suppressions import is_finding_suppressed
from plexilint.model import Finding, Note
from plexilint.rules.base import Rule

INDEXING_CHUNK = 25  # files whose facts are extracted in one step of `index_steps`


class LiveProject:
    def __init__(self, root: Path, config: Config, cache: FactsCache | None = None,
                 memo: FactsMemo | None = None) -> None:
        self.root = root.resolve()
        self.config = config
        self.cache = cache
        self.memo = FactsMemo() if memo is None else memo  # the facts of the saved files live here
        self.kinds = fact_kinds(config)
        self._saved: dict[Path, SourceFile] | None = None  # the files on disk, as last read
        self._indexed = False  # the facts of every saved file are in the memo
        self._project_rules = ProjectRuleMemo()
        self.notes: tuple[Note, ...] = ()  # those of the last complete analysis

    @property
    def indexed(self) -> bool:
        return self._saved is not None and self._indexed

    def saved_file_count(self) -> int:
        """How many files the project has on disk (reads them if not read yet)."""
        return len(self._saved_sources())

    def saved_files_changed(self) -> None:
        """Files changed on disk (saved, checked out, created, deleted): read them all again."""
        self._saved = None
        self._indexed = False

    def refresh(self) -> bool:
        """Reads the project's files again (no facts extracted); True when anything differs
        from what was read before: files added or removed, or other contents."""
        before = self._saved
        self._saved = None
        after = self._saved_sources()
        if before is None or {p: s.digest for p, s in before.items()} != {p: s.digest for p, s in after.items()}:
            self._indexed = False
            return True
        return False

    def index_steps(self) -> Iterator[int]:
        """Extracts (or loads from the cache) the facts of every saved file, a chunk per step,
        yielding how many files are left: a caller can let other work in between steps."""
        saved = self._saved_sources()
        sources = list(saved.values())
        for start in range(0, len(sources), INDEXING_CHUNK):
            facts_for_sources(sources[start:start + INDEXING_CHUNK], self.kinds, self.cache, memo=self.memo)
            yield max(len(sources) - start - INDEXING_CHUNK, 0)
        if self._saved is saved:  # else the files were read again meanwhile: not all indexed
            self._indexed = True

    def findings(self, buffers: dict[Path, bytes], paths: Iterable[Path],
                 local_only: bool = False) -> dict[Path, list[Finding]]:
        """Findings (``# noqa`` applied) of ``paths``, with ``buffers`` standing in for their
        saved files; a complete analysis also sets the project's ``notes``. ``local_only``:
        only the rules that read one file, and only the buffers' facts (the project need not be
        indexed yet)."""
        # As in analyse_project: the cyclic collector would only rescan the facts kept in memory.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._findings(buffers, paths, local_only)
        finally:
            if was_enabled:
                gc.enable()

    def _findings(self, buffers: dict[Path, bytes], paths: Iterable[Path],
                  local_only: bool) -> dict[Path, list[Finding]]:
        buffers = {path.resolve(): data for path, data in buffers.items()}
        sources = self._sources(buffers, only_buffers=local_only)
        facts = facts_for_sources(sources, self.kinds, self.cache, memo=self.memo)
        index = ProjectIndex(self.root, facts, DeclaredFiles(read_project_files(self.root, declared_project_files())))
        wanted = {path.resolve().as_posix(): path for path in paths}
        self._project_rules.start()
        found, notes = findings_in(index, self.config, wanted, local_only, self._project_rules.check)
        if not local_only:
            self.notes = notes
        result: dict[Path, list[Finding]] = {path: [] for path in wanted.values()}
        for key, path_findings in found.items():
            suppressions = index.by_path[key].suppressions
            result[wanted[key]] = [f for f in path_findings
                                   if not suppressions or not is_finding_suppressed(suppressions, f)]
        return result

    def _saved_sources(self) -> dict[Path, SourceFile]:
        if self._saved is None:
            # The same files and names as `analyse_project` reads (.gitignore included).
            paths = discover_files(self.root, self.config["exclude"], self.config["respect-gitignore"])
            modules = distinct_module_names(paths, self.root)
            self._saved = {path: read_source(path, self.root, modules[path]) for path in paths}
        return self._saved

    def _sources(self, buffers: dict[Path, bytes], only_buffers: bool) -> list[SourceFile]:
        """The saved files with the buffers in place of theirs; a buffer of a file not saved
        yet belongs to the project too (as `analyse_project` has it)."""
        saved = {} if only_buffers else self._saved_sources()
        sources = dict(saved)
        kept = [path for path in buffers if path in saved or is_project_file(path, self.root, self.config)]
        # Names are given to the whole set at once, as `analyse_project` does: a buffer of a new
        # file may take a name from a saved one (a package beats a module of the same name).
        modules = distinct_module_names(sorted({*saved, *kept}), self.root)
        for path in kept:
            sources[path] = read_source(path, self.root, modules[path], buffers[path])
        for path, source in saved.items():
            if path not in buffers and source.module != modules[path]:
                sources[path] = read_source(path, self.root, modules[path])
        return list(sources.values())


class ProjectRuleMemo:
    """The last findings of each project-wide rule, with what it read: the facts of the kinds
    it reads (and each file's name and parse failure) and its project files. A rule
    whose inputs are unchanged (an edit that changes none of them, e.g. inside a function body
    for the fallback rules) is not run again; the facts of unchanged files are the same objects,
    so comparing costs little."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple, list[Finding]]] = {}
        self._inputs: dict[frozenset[str], tuple] = {}

    def start(self) -> None:
        """Before each analysis: the inputs are read again."""
        self._inputs = {}

    def check(self, rule: Rule, index: ProjectIndex, config: Config) -> list[Finding]:
        inputs = (tuple(index.project_files.read(path) for path in rule.project_files), self._read(index, rule.reads))
        last = self._last.get(rule.code)
        if last is not None and last[0] == inputs:
            return last[1]
        found = list(rule.check(index, config))
        self._last[rule.code] = (inputs, found)
        return found

    def _read(self, index: ProjectIndex, kinds: frozenset[str]) -> tuple:
        known = self._inputs.get(kinds)
        if known is None:
            names = sorted(kinds)
            known = self._inputs[kinds] = tuple(_file_inputs(file, names) for file in index.files)
        return known


def _file_inputs(file: FileFacts, kinds: list[str]) -> tuple[Any, ...]:
    return (file.path, file.relpath, file.module, file.is_package, file.parse_failure,
            *(getattr(file, kind) for kind in kinds))
