"""Analysing one project: facts for every file (memoised by content, cached on disk), then
every rule; an unchanged project's findings come straight from the cache."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.config import Config
from plexilint.engine.cache import FactsCache, project_key
from plexilint.engine.discovery import SkippedFolder, discover, is_excluded
from plexilint.engine.extraction import FactsMemo, facts_for_sources
from plexilint.engine.facts import FALLBACKS_IN_TESTS
from plexilint.engine.index import DeclaredFiles, ProjectIndex
from plexilint.engine.selection import Selection
from plexilint.analysis.modules import distinct_module_names
from plexilint.engine.sources import SourceFile, read_project_files, read_source
from plexilint.engine.suppressions import NoqaMode, Suppressions, is_finding_suppressed
from plexilint.model import Finding, Note
from plexilint.rules import all_rules
from plexilint.rules.base import AfterFindingsRule, Rule


@dataclass
class ProjectFiles:
    """Per file, what answering for it needs besides its findings: the content hash it was
    analysed at and its `# noqa` comments (only files that have some). A warm cached run has
    this and the findings without any facts."""

    digests: dict[str, str]  # posix path -> sha256 of the bytes analysed ("" if unreadable)
    suppressions: dict[str, Suppressions]
    skipped: list[SkippedFolder] = field(default_factory=list)  # folders not searched, and why


class ProjectAnalysis:
    """Findings of one project, its files, and the index of their facts. The index of a run
    answered from the cache is built (from cached facts) only when something asks for it."""

    def __init__(self, root: Path, config: Config, findings: dict[str, list[Finding]], files: ProjectFiles,
                 index: ProjectIndex | None = None, load_index: Callable[[], ProjectIndex] | None = None,
                 notes: tuple[Note, ...] = (), fact_kinds: frozenset[str] = frozenset()) -> None:
        self.root = root
        self.config = config
        self.findings = findings  # posix path -> sorted, before `# noqa`
        self.files = files
        self.notes = notes  # what the rules tell besides findings, one of each
        self.fact_kinds = fact_kinds  # the kinds of facts the index holds (engine/facts.py FACT_KINDS)
        self._index = index
        self._load_index = load_index

    @property
    def index(self) -> ProjectIndex:
        if self._index is None:
            assert self._load_index is not None
            self._index = self._load_index()
        return self._index

    @property
    def paths(self) -> list[str]:
        """Every file of the project (absolute posix paths), sorted."""
        return sorted(self.files.digests)

    def findings_for(self, path: Path, noqa: NoqaMode = NoqaMode.ALL) -> list[Finding]:
        return self.findings_at(path.resolve().as_posix(), noqa)

    def findings_at(self, key: str, noqa: NoqaMode = NoqaMode.ALL) -> list[Finding]:
        """``findings_for`` a file given as one of ``paths`` (no resolving needed)."""
        findings = self.findings.get(key, [])
        suppressions = self.files.suppressions.get(key)
        if not suppressions or noqa is NoqaMode.NONE:
            return findings
        return [f for f in findings if not is_finding_suppressed(suppressions, f, noqa)]

    def digest_of(self, path: Path) -> str | None:
        return self.files.digests.get(path.resolve().as_posix())


def enabled_rules(config: Config) -> list[type[Rule]]:
    selection = Selection.from_config(config)
    return [rule for rule in all_rules() if selection.enables(rule.code)]


def fact_kinds(config: Config) -> frozenset[str]:
    """The facts the rules enabled by ``config`` read (`Rule.reads`); none for a rule that
    cannot report under it (contract rules without a declared contract)."""
    kinds = frozenset().union(*(rule.reads for rule in enabled_rules(config) if rule.can_report(config)))
    return kinds | {FALLBACKS_IN_TESTS} if config["fallbacks-in-tests"] else kinds


def declared_project_files() -> list[str]:
    """Every project file a rule declares (`Rule.project_files`): each index holds them all, as
    the fix reads them through the index too, whichever rules are enabled."""
    return sorted({path for rule in all_rules() for path in rule.project_files})


def keyed_project_files(config: Config, project_files: DeclaredFiles) -> dict[str, bytes | None]:
    """The project files the enabled rules' findings depend on."""
    return {path: project_files.read(path) for path in sorted({p for rule in enabled_rules(config)
                                                          for p in rule.project_files})}


def analyse_project(root: Path, config: Config, overrides: dict[Path, bytes] | None = None,
                    extra_facts: frozenset[str] = frozenset(), cache: FactsCache | None = None,
                    jobs: int = 1, memo: FactsMemo | None = None) -> ProjectAnalysis:
    """Facts for every file under ``root`` (``overrides`` replace on-disk contents, as an
    editor's unsaved buffer does), then every enabled rule, then selection filters. The facts
    computed are those the enabled rules read, plus ``extra_facts`` (hotspots, fixes).

    With a ``cache``, facts of unchanged files and the findings of an unchanged project are
    reused (buffers in ``overrides`` are never cached); ``jobs`` > 1 extracts facts in that
    many processes; ``memo``: the facts a session already has (and keeps the new ones). None
    of them changes the result."""
    # Syntax trees and facts hold no reference cycles; the cyclic collector would only rescan
    # millions of live nodes (a third of the run time on the standard library).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        overrides = {p.resolve(): data for p, data in (overrides or {}).items()}
        memo = FactsMemo() if memo is None else memo
        return _analyse(_Run(root.resolve(), config, extra_facts, cache, jobs, memo), overrides)
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class _Run:
    """One analysis of one project: what to compute and with which cache and jobs."""

    root: Path
    config: Config
    extra_facts: frozenset[str]
    cache: FactsCache | None
    jobs: int
    memo: FactsMemo

    def sources(self, overrides: dict[Path, bytes], skipped: list[SkippedFolder] | None = None) -> list[SourceFile]:
        found = discover(self.root, self.config["exclude"], self.config["respect-gitignore"])
        if skipped is not None:
            skipped.extend(found.skipped)
        paths = found.files
        # An editor's buffer for a file not saved yet still belongs to the project.
        paths += sorted(p for p in overrides if p not in paths and is_project_file(p, self.root, self.config))
        modules = distinct_module_names(paths, self.root)
        return [read_source(path, self.root, modules[path], overrides.get(path)) for path in paths]

    def project_files(self) -> DeclaredFiles:
        return DeclaredFiles(read_project_files(self.root, declared_project_files()))

    @property
    def fact_kinds(self) -> frozenset[str]:
        return fact_kinds(self.config) | self.extra_facts

    def index(self, sources: list[SourceFile], project_files: DeclaredFiles) -> ProjectIndex:
        facts = facts_for_sources(sources, self.fact_kinds, self.cache, self.jobs, release_data=True, memo=self.memo)
        return ProjectIndex(self.root, facts, project_files)

    def index_from_disk(self) -> ProjectIndex:
        return self.index(self.sources({}), self.project_files())


def _analyse(run: _Run, overrides: dict[Path, bytes]) -> ProjectAnalysis:
    skipped: list[SkippedFolder] = []
    sources = run.sources(overrides, skipped)
    files = ProjectFiles({s.posix: s.digest for s in sources}, {}, skipped)
    # Read once: the rules read these bytes, and the cached findings are keyed on them.
    project_files = run.project_files()
    entry = None if run.cache is None or overrides else _ProjectEntry(run, sources, project_files)
    cached = entry.load() if entry is not None else None
    if cached is not None and len(cached) == 3:
        findings, files.suppressions, notes = cached
        # Facts only if something asks for them (contracts, hotspots), from the files as they are then.
        return ProjectAnalysis(run.root, run.config, findings, files, load_index=run.index_from_disk, notes=notes,
                               fact_kinds=run.fact_kinds)
    index = run.index(sources, project_files)
    findings, notes = _run_rules(index, run.config, Selection.from_config(run.config))
    for path_findings in findings.values():
        path_findings.sort(key=Finding.sort_key)
    files.suppressions.update({f.path: f.suppressions for f in index.files if f.suppressions})
    if entry is not None:
        entry.store((findings, files.suppressions, notes))
    return ProjectAnalysis(run.root, run.config, findings, files, index=index, notes=notes,
                           fact_kinds=run.fact_kinds)


class _ProjectEntry:
    """The cached findings of a whole project, under a key of everything they depend on."""

    def __init__(self, run: _Run, sources: list[SourceFile], project_files: DeclaredFiles) -> None:
        assert run.cache is not None
        self.cache = run.cache
        files = [(s.posix, s.module, s.digest or s.read_error) for s in sources]
        self.slot = self.cache.project_path(run.root.as_posix(), run.config.digest, run.extra_facts)
        self.key = project_key(run.root.as_posix(), run.config.digest, run.extra_facts, files,
                               keyed_project_files(run.config, project_files))

    def load(self) -> tuple[dict[str, list[Finding]], dict[str, Suppressions], tuple[Note, ...]] | None:
        return self.cache.load_project(self.slot, self.key)

    def store(self, payload: tuple[dict[str, list[Finding]], dict[str, Suppressions], tuple[Note, ...]]) -> None:
        self.cache.store_project(self.slot, self.key, payload)


# How a project-wide rule is run: Rule.check, or something that knows its findings already.
ProjectCheck = Callable[[Rule, ProjectIndex, Config], Iterable[Finding]]


def findings_in(index: ProjectIndex, config: Config, paths: Iterable[str], local_only: bool = False,
                check_project: ProjectCheck | None = None,
                ) -> tuple[dict[str, list[Finding]], tuple[Note, ...]]:
    """What `analyse_project` finds in ``paths`` (absolute posix paths of indexed files; sorted,
    before `# noqa`), and its notes, from an index already built: the rules that read one file
    run on those files only, the project-wide rules on the whole index (through
    ``check_project`` if given). With ``local_only``, only the rules that read one file run:
    what can be said before the rest of the project is indexed (and no notes, which are about
    the whole project)."""
    wanted = {path for path in paths if path in index.by_path}
    findings, notes = _run_rules(index, config, Selection.from_config(config), wanted, local_only, check_project)
    for path_findings in findings.values():
        path_findings.sort(key=Finding.sort_key)
    # A partial index (local_only) would tell wrong things about the project.
    return {path: findings.get(path, []) for path in wanted}, () if local_only else notes


def _run_rules(index: ProjectIndex, config: Config, selection: Selection, only: set[str] | None = None,
               local_only: bool = False, check_project: ProjectCheck | None = None,
               ) -> tuple[dict[str, list[Finding]], tuple[Note, ...]]:
    """Every enabled rule's findings and notes; with ``only``, the findings of these paths alone."""
    files = index if only is None else ProjectIndex(index.root, [index.by_path[path] for path in only],
                                                    index.project_files)
    findings: dict[str, list[Finding]] = {}
    notes: dict[Note, None] = {}  # one of each, in the order the rules gave them
    later: list[AfterFindingsRule] = []
    for rule_class in all_rules():
        if not selection.enables(rule_class.code):
            continue
        rule = rule_class()
        notes.update(dict.fromkeys(rule.notes(index, config)))
        if isinstance(rule, AfterFindingsRule):
            if not local_only:  # an unused suppression can be told only once every finding is known
                later.append(rule)  # judged once every other finding is known
            continue
        if rule.single_file:
            _keep_reported(findings, rule.check(files, config), selection)
        elif not local_only:
            found = rule.check(index, config) if check_project is None else check_project(rule, index, config)
            _keep_reported(findings, found if only is None else (f for f in found if f.path in only), selection)
    for rule in later:
        for file in files.files:
            _keep_reported(findings, rule.check_findings(file, findings.get(file.path, []), selection), selection,
                           file.path)
    return findings, tuple(notes)


def _keep_reported(findings: dict[str, list[Finding]], found: Iterable[Finding], selection: Selection,
                   path: str | None = None) -> None:
    """Adds the findings the selection reports, under their own path or ``path``. Each is added
    as soon as it is found: a rule judging findings may see the ones it adds."""
    for finding in found:
        if selection.reports(finding.code, finding.relpath):
            findings.setdefault(path or finding.path, []).append(finding)


def is_project_file(path: Path, root: Path, config: Config) -> bool:
    relative = os.path.relpath(path.resolve(), root)
    return not relative.startswith("..") and not is_excluded(Path(relative).as_posix(), config["exclude"])

